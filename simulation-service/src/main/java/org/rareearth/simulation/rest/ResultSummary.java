package org.rareearth.simulation.rest;

import jakarta.ws.rs.core.UriBuilder;

/**
 * One line of {@code GET /results/{scenarioId}}: which result exists, how it ended, and
 * {@code href}, where its full result (the SimulationResultEvent) is.
 *
 * @param href path of the full result, {@code /results/{scenarioId}/{scenarioVersion}/{product}/{year}?datasetVersion=..},
 *             with {@link ResultResource#NO_PRODUCT} as the product of a failure that concerns no single product
 */
public record ResultSummary(int scenarioVersion, String datasetVersion, String product, int year, String status,
                            String error, String href) {

    static ResultSummary of(String scenarioId, int scenarioVersion, String datasetVersion, String product, int year,
                            String status, String error) {
        String href = UriBuilder.fromPath("/results/{scenarioId}/{version}/{product}/{year}")
                .queryParam("datasetVersion", "{datasetVersion}")
                .build(scenarioId, scenarioVersion, product == null ? ResultResource.NO_PRODUCT : product, year,
                        datasetVersion)
                .toString();
        return new ResultSummary(scenarioVersion, datasetVersion, product, year, status, error, href);
    }
}
