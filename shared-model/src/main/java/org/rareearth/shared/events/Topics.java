package org.rareearth.shared.events;

/**
 * Kafka topics between the services (docs/events.md and docs/asyncapi.yaml are the contract).
 * Keys: {@code trade.baseline} by {@code datasetVersion:year:product} (compacted),
 * {@code scenario.requests} by {@code scenarioId} (compacted), results and metrics by
 * {@code scenarioId}.
 */
public final class Topics {

    public static final String TRADE_BASELINE = "trade.baseline";
    public static final String SCENARIO_REQUESTS = "scenario.requests";
    public static final String SIMULATION_RESULTS = "simulation.results";
    public static final String NETWORK_METRICS = "network.metrics";
    /** The current data-set version (one key, one partition, compacted): {@link CurrentDatasetEvent}. */
    public static final String DATASET_CURRENT = "dataset.current";

    /** Where a consumer puts a message it cannot read, with the reason in a header. */
    public static final String DLQ_SUFFIX = ".dlq";
    /** Header of a dead-lettered message that says why it could not be read. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    /** The scenario id under which observed (not simulated) networks are published. */
    public static final String OBSERVED = "observed";

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
