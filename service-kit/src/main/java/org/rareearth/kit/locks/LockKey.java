package org.rareearth.kit.locks;

/**
 * The two 32-bit keys of a PostgreSQL advisory lock ({@code pg_advisory_xact_lock(int, int)}):
 * a namespace for what is locked, and the hash of the thing itself. Both are {@link String#hashCode()},
 * which the Java language specifies, so every replica (any JVM) derives the same key. Two things
 * that share a hash only wait for each other; they never answer for each other, because the holder
 * still checks the thing's own rows.
 *
 * <p>The services share one database, so advisory locks of all of them share one space: each
 * namespace names its service (e.g. {@code simulation-service.unit}).
 */
public record LockKey(int namespace, int id, String description) {

    /** The one lock of {@code namespace} (e.g. a service-wide decision lock). */
    public static LockKey of(String namespace) {
        return new LockKey(namespace.hashCode(), 0, namespace);
    }

    /** The lock of {@code thing} within {@code namespace}. */
    public static LockKey of(String namespace, String thing) {
        return new LockKey(namespace.hashCode(), thing.hashCode(), namespace + " " + thing);
    }

    @Override
    public String toString() {
        return description;
    }
}
