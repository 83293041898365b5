package org.rareearth.network.persistence;

/**
 * The two 32-bit keys of a PostgreSQL advisory lock ({@code pg_advisory_xact_lock(int, int)}):
 * a namespace for what is locked, and the hash of the thing itself. Both are {@link String#hashCode()},
 * which the Java language specifies, so every replica (any JVM) derives the same key. Two metrics
 * keys that share a hash only wait for each other; they never answer for each other, because the
 * holder still checks the key's own row.
 *
 * <p>The services share one database, so advisory locks of all of them share one space: the
 * namespace names the service.
 */
public record LockKey(int namespace, int id, String description) {

    /** Answering one metrics key (one network.metrics event). */
    static final String METRICS = "network-service.metrics";

    public static LockKey metrics(String metricsKey) {
        return new LockKey(METRICS.hashCode(), metricsKey.hashCode(), METRICS + " " + metricsKey);
    }

    @Override
    public String toString() {
        return description;
    }
}
