package org.rareearth.simulation.rest;

/** One line of {@code GET /results/{scenarioId}}: which result exists and how it ended. */
public record ResultSummary(int scenarioVersion, String datasetVersion, String product, int year, String status,
                            String error) {
}
