package org.rareearth.kit.inbound;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Which failures are transient: the database or the broker is unavailable for a while, and the
 * same message handled again later succeeds. Such a failure says nothing about the message, so it
 * must never send the message to its dead-letter topic.
 */
final class TransientFaults {

    /**
     * SQLSTATE classes of a server or connection that is unavailable for now (PostgreSQL appendix A):
     * 08 connection exception, 40 transaction rollback (serialization failure, deadlock), 53
     * insufficient resources, 57 operator intervention (server shutting down), 58 system error (I/O).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available: a lock timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransientFaults() {
    }

    /** True when {@code failure}, or anything that caused it, is a transient fault. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no SQLSTATE: the connection pool's own failure (no connection could be had), not the data's
                if (state == null || LOCK_NOT_AVAILABLE.equals(state)
                        || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
