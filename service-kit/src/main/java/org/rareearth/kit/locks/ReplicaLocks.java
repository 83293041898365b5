package org.rareearth.kit.locks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Locks that every replica of the service sees: PostgreSQL advisory locks, transaction-scoped
 * ({@code pg_advisory_xact_lock}), each held by a transaction of its own connection that does
 * nothing else and is rolled back to release it. All replicas share one database, so a lock taken
 * by one replica makes the others wait (or skip, with {@link #tryHolding}) until it is released.
 *
 * <p>Why advisory locks and not a claim row with an owner and a lease: the lock lives exactly as
 * long as the replica's database session. A replica killed outright (SIGKILL, a lost pod) loses its
 * connection, PostgreSQL ends the session and the lock is gone at once; there is no lease to tune,
 * no clock to trust and nothing to clean up. A replica whose link to the database breaks silently
 * keeps its lock until the server notices (TCP keep-alive), but then it cannot store anything either.
 *
 * <p>The work inside runs its own transactions (other connections, committed as it goes, see
 * the service's store), so what it stores is visible to the next holder the moment the lock
 * is released.
 */
@ApplicationScoped
public class ReplicaLocks {

    @Inject
    DataSource dataSource;

    /** Runs {@code work} holding {@code key}, waiting as long as another replica holds it. */
    public <T> T holding(LockKey key, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, key.namespace());
                    lock.setInt(2, key.id());
                    lock.execute();
                }
                return work.get();
            } finally {
                // ends the lock's transaction, which releases the lock
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lock " + key + " could not be taken or released: " + e.getMessage(), e);
        }
    }

    public void holding(LockKey key, Runnable work) {
        holding(key, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} holding {@code key} if no other replica holds it now.
     *
     * @return false (and {@code work} not run) when the lock is held elsewhere
     */
    public boolean tryHolding(LockKey key, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
                    lock.setInt(1, key.namespace());
                    lock.setInt(2, key.id());
                    try (ResultSet taken = lock.executeQuery()) {
                        if (!taken.next() || !taken.getBoolean(1)) {
                            return false;
                        }
                    }
                }
                work.run();
                return true;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lock " + key + " could not be taken or released: " + e.getMessage(), e);
        }
    }
}
