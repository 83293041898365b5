package org.rareearth.network.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rareearth.kit.locks.LockKey;

/**
 * Stands in for a second replica of the service: its own database session (not from the
 * application's pool) that holds a metrics key's advisory lock as a replica does while it answers
 * the key, and that can die (its session ends, as when the process is killed).
 */
final class OtherReplica implements AutoCloseable {

    private final Connection session;
    private final LockKey key;

    private OtherReplica(Connection session, LockKey key) {
        this.session = session;
        this.key = key;
    }

    /** A replica that is answering the metrics key of {@code key} (it holds the lock). */
    static OtherReplica answering(LockKey key) throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection session = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        session.setAutoCommit(false);
        try (PreparedStatement lock = session.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, key.namespace());
            lock.setInt(2, key.id());
            lock.execute();
        }
        return new OtherReplica(session, key);
    }

    /** True while some other session (the service) waits for the lock this replica holds. */
    boolean isWaitedFor() throws SQLException {
        try (PreparedStatement waiting = session.prepareStatement("select count(*) from pg_locks where"
                + " locktype = 'advisory' and objsubid = 2 and not granted and classid::bigint = ? and objid::bigint = ?")) {
            waiting.setLong(1, Integer.toUnsignedLong(key.namespace()));
            waiting.setLong(2, Integer.toUnsignedLong(key.id()));
            try (ResultSet count = waiting.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
    }

    /** The replica dies: its session ends and the lock with it. */
    @Override
    public void close() throws SQLException {
        session.close();
    }
}
