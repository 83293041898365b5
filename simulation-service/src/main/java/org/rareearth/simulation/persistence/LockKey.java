package org.rareearth.simulation.persistence;

/**
 * The two 32-bit keys of a PostgreSQL advisory lock ({@code pg_advisory_xact_lock(int, int)}):
 * a namespace for what is locked, and the hash of the thing itself. Both are {@link String#hashCode()},
 * which the Java language specifies, so every replica (any JVM) derives the same key. Two different
 * units that share a hash only wait for each other; they never answer for each other, because the
 * holder still checks the unit's own rows.
 *
 * <p>The services share one database, so advisory locks of all of them share one space: each
 * namespace names its service.
 */
public record LockKey(int namespace, int id, String description) {

    /** Deciding what an input triggers: storing it and reading what it must be solved against. */
    static final String DECISIONS = "simulation-service.decisions";
    /** Answering one computation unit (scenario version, data-set version, product). */
    static final String UNITS = "simulation-service.unit";

    public static LockKey decisions() {
        return new LockKey(DECISIONS.hashCode(), 0, DECISIONS);
    }

    public static LockKey unit(ResultUnit unit) {
        return new LockKey(UNITS.hashCode(), unit.key().hashCode(), UNITS + " " + unit.key());
    }

    @Override
    public String toString() {
        return description;
    }
}
