package org.rareearth.kit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rareearth.kit.locks.LockKey;

/**
 * Stands in for a second replica of a service, in that service's tests: its own database session
 * (not from the application's pool) that holds a {@link LockKey}'s advisory lock as a replica does
 * while it answers a unit (or decides what an input triggers), writes what that replica would, and
 * commits or dies (its session ends, as when the process is killed). The database is the one the
 * application under test is configured with.
 */
public final class OtherReplica implements AutoCloseable {

    private final Connection session;
    private final LockKey key;

    private OtherReplica(Connection session, LockKey key) {
        this.session = session;
        this.key = key;
    }

    /** A replica that holds {@code key}: it is answering that unit, or deciding (a decision lock). */
    public static OtherReplica answering(LockKey key) throws SQLException {
        Connection session = session();
        session.setAutoCommit(false);
        try (PreparedStatement lock = session.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, key.namespace());
            lock.setInt(2, key.id());
            lock.execute();
        }
        return new OtherReplica(session, key);
    }

    /** A database session of its own on the service's database (auto-commit). */
    public static Connection session() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** True while some other session (the service) waits for the lock this replica holds. */
    public boolean isWaitedFor() throws SQLException {
        try (PreparedStatement waiting = session.prepareStatement("select count(*) from pg_locks where"
                + " locktype = 'advisory' and objsubid = 2 and not granted and classid::bigint = ? and objid::bigint = ?")) {
            waiting.setLong(1, Integer.toUnsignedLong(key.namespace()));
            waiting.setLong(2, Integer.toUnsignedLong(key.id()));
            try (ResultSet count = waiting.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
    }

    /** Writes in the lock's transaction: visible to others only once {@link #commit()} ends it. */
    public void write(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement write = session.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                write.setObject(i + 1, parameters[i]);
            }
            write.executeUpdate();
        }
    }

    /** The replica is done: what it wrote becomes visible and the lock is released, at one moment. */
    public void commit() throws SQLException {
        session.commit();
    }

    /** The replica dies: its session ends and the lock with it. */
    @Override
    public void close() throws SQLException {
        session.close();
    }
}
