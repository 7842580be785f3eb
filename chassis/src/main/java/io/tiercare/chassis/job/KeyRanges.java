package io.tiercare.chassis.job;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/** Cuts a service's keys into chunks, in the database: the keys never travel to the service. */
public final class KeyRanges {

    private KeyRanges() {
    }

    /**
     * The keys {@code keysQuery} selects (one uuid column named {@code key}), in order, cut into ranges of at most
     * {@code size}. The query is the calling repository's constant, never client input.
     */
    public static List<KeyRange> cut(EntityManager em, String keysQuery, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select (array_agg(key order by key))[1], (array_agg(key order by key desc))[1], count(*) from (
                    select key, (row_number() over (order by key) - 1) / ?1 as chunk from (%s) keys) t
                group by chunk order by chunk""".formatted(keysQuery)).setParameter(1, size).getResultList();
        return rows.stream().map(r -> new KeyRange((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue())).toList();
    }
}
