package org.rareearth.simulation.persistence;

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

    @Override
    public String toString() {
        return key();
    }
}
