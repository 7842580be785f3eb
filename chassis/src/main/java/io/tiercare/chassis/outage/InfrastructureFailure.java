package io.tiercare.chassis.outage;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of our own infrastructure (the database unreachable, a connection closed, the pool exhausted, the
 * server shutting down or out of resources) from a failure of the work itself. The first is never the work's fault:
 * it is retried once the infrastructure is back, never dead-lettered and never answered as a 500.
 */
public final class InfrastructureFailure {

    private InfrastructureFailure() {
    }

    /** True when {@code failure}, or any of its causes, says the database (or the way to it) is unavailable. */
    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the connection pool's own refusals carry no SQLSTATE
            String message = String.valueOf(sql.getMessage());
            return message.contains("Acquisition timeout") || message.contains("connection is closed")
                    || message.contains("This connection has been closed");
        }
        // 08: connection exception; 53: insufficient resources (too many connections, disk full, out of memory);
        // 57: operator intervention (admin shutdown, crash shutdown, cannot connect now, statement timeout);
        // 58: system error (I/O error)
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("58");
    }

    /** The failure in one line, without the layers that wrapped it: for a log line that must not hold data. */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " (SQLSTATE "
                + sql.getSQLState() + ")" : "";
        return root.getClass().getSimpleName() + state;
    }
}
