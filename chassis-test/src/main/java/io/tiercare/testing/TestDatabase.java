package io.tiercare.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Straight to the service's own database, for what a test must check or arrange below its API. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The first column of the first row of {@code query} (a count, say), its {@code ?}s bound in order. */
    public static long number(DataSource dataSource, String query, Object... parameters) {
        Long value = first(dataSource, query, parameters, rows -> rows.getLong(1));
        if (value == null) {
            throw new IllegalStateException("no row: " + query);
        }
        return value;
    }

    /** The first column of the first row of {@code query} as text (null when there is no row). */
    public static String text(DataSource dataSource, String query, Object... parameters) {
        return first(dataSource, query, parameters, rows -> rows.getString(1));
    }

    private interface Column<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T first(DataSource dataSource, String query, Object[] parameters, Column<T> column) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? column.read(rows) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Runs a statement (DDL such as a fault-injecting trigger, or an insert). */
    public static void execute(DataSource dataSource, String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
