package org.rareearth.simulation.persistence;

import org.rareearth.kit.locks.LockKey;

/**
 * One computation unit: the results of one scenario version on one data-set version for one
 * product (every year of it), computed, stored and published together. {@code product} is null for
 * an answer that concerns no single product (an unreadable document).
 */
public record ResultUnit(String scenarioId, int scenarioVersion, String datasetVersion, String product) {

    /** {@code scenarioId:scenarioVersion:datasetVersion:product} ({@code none} without a product). */
    public String key() {
        return scenarioId + ":" + scenarioVersion + ":" + datasetVersion + ":" + (product == null ? "none" : product);
    }

    /** Held while the unit is checked, computed, stored, published and marked (docs/architecture.md, "Scale-out"). */
    public LockKey lockKey() {
        return LockKey.of(LOCKS, key());
    }

    /** The advisory-lock namespace of units (the services share one database: it names the service). */
    static final String LOCKS = "simulation-service.unit";

    @Override
    public String toString() {
        return key();
    }
}
