package io.tiercare.tiering.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Typed rows of a native query that selects several columns; set-based queries over many customers. */
final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static Stream<Object[]> of(Query query) {
        return ((List<Object[]>) query.getResultList()).stream();
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql}, whose only parameter is {@code = any(?)} over the customer ids, row by row. */
    static void forEach(Connection connection, String sql, java.sql.Array ids, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** {@link #forEach} on the transaction's connection, for one query. */
    static void forEach(EntityManager em, String sql, List<UUID> ids, RowReader reader) {
        em.unwrap(Session.class).doWork(connection -> forEach(connection, sql,
                connection.createArrayOf("uuid", ids.toArray()), reader));
    }

    static <T> List<T> list(EntityManager em, String sql, List<UUID> ids, RowMapper<T> mapper) {
        List<T> all = new ArrayList<>();
        forEach(em, sql, ids, row -> all.add(mapper.map(row)));
        return all;
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
