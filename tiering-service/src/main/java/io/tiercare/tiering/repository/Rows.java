package io.tiercare.tiering.repository;

import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.Query;

/** Typed rows of a native query that selects several columns. */
final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static Stream<Object[]> of(Query query) {
        return ((List<Object[]>) query.getResultList()).stream();
    }
}
