package org.rareearth.scenario.persistence;

/** What became of one incoming result or metrics event. */
public enum Recorded {
    /** Stored and the version's status recomputed. */
    STORED,
    /** Its key was stored before: a redelivery, nothing changed. */
    DUPLICATE,
    /** Not about a scenario version of this service (observed networks, unknown ids). */
    IGNORED
}
