package org.rareearth.scenario.core;

import java.util.Locale;

/** Where the computation of one scenario version stands (REST shows the lower-case label). */
public enum ScenarioStatus {
    /** Accepted and published, nothing computed yet. */
    PENDING,
    /** At least one simulation result or network metrics event of the version has arrived. */
    COMPUTING,
    /** Network metrics of every expected (product, year) arrived for one data-set version. */
    READY,
    /** A result or metrics event of the version reported FAILED. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
