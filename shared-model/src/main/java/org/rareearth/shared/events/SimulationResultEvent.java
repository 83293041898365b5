package org.rareearth.shared.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Topic {@code simulation.results}, key {@code scenarioId}: one year of one product of one scenario
 * version solved on one data-set version, with the baseline path (the scenario without its policy
 * events) of the same year, which the network comparison needs. A failed computation is one event
 * with {@code status = FAILED}, {@code error} set, {@code year = baseYear} and no solutions.
 *
 * @param lastYear    the last year of this scenario's path: a consumer knows when a product is complete
 * @param requestedBy the {@code requestedBy} of the scenario request answered (who made the scenario version:
 *                    the audit trail, issue 10); optional, null when the request had none (an added
 *                    optional field: schema version 1 stays, readers ignore unknown fields)
 */
public record SimulationResultEvent(int schemaVersion, String scenarioId, int scenarioVersion, String datasetVersion,
                                    String product, int year, int baseYear, int lastYear, ComputationStatus status,
                                    String error, String dataNotice, Solution scenario, Solution baseline,
                                    String requestedBy)
        implements SchemaVersioned {

    public static final int SCHEMA_VERSION = 1;

    public SimulationResultEvent {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(status, "status");
        if (status == ComputationStatus.OK) {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(baseline, "baseline");
        } else {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A result without its requester (producers and tests from before the audit trail). */
    public SimulationResultEvent(int schemaVersion, String scenarioId, int scenarioVersion, String datasetVersion,
                                 String product, int year, int baseYear, int lastYear, ComputationStatus status,
                                 String error, String dataNotice, Solution scenario, Solution baseline) {
        this(schemaVersion, scenarioId, scenarioVersion, datasetVersion, product, year, baseYear, lastYear, status, error,
                dataNotice, scenario, baseline, null);
    }

    /** The same result, answering a request made by {@code subject}. */
    public SimulationResultEvent withRequestedBy(String subject) {
        return new SimulationResultEvent(schemaVersion, scenarioId, scenarioVersion, datasetVersion, product, year,
                baseYear, lastYear, status, error, dataNotice, scenario, baseline, subject);
    }

    /** Idempotency key: the same key twice is the same computation. */
    public String resultKey() {
        return scenarioId + ":" + scenarioVersion + ":" + datasetVersion + ":" + product + ":" + year;
    }

    /**
     * One solved year (fields as in docs/cli.md's {@code simulate}); numbers that are not finite
     * (an unbounded welfare change, the price index of an unserved market) are {@code null}.
     *
     * @param eps export supply elasticities used; {@code null} = perfectly elastic
     */
    public record Solution(String scenarioName, String solver, boolean converged, int iterations, double maxResidual,
                           Map<String, Double> worldPrices, Map<String, Double> compositePrices, List<FlowValue> flows,
                           Map<String, Welfare> welfare, Map<String, Double> sigma, Map<String, Double> eta,
                           Map<String, Double> eps, List<String> eventsInForce, List<String> warnings) {
    }

    /** A flow with benchmark trade: observed base-year value and simulated value, thousand USD. */
    public record FlowValue(String exporter, String importer, double baseline, Double value) {
    }

    /** Welfare change against the calibrated base year, thousand USD (MODEL.md 4). */
    public record Welfare(Double producerSurplus, Double consumerSurplus, Double tariffRevenue, Double exportTaxRevenue,
                          Double quotaRent, Double net) {
    }
}
