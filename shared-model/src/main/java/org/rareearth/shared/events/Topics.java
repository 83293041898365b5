package org.rareearth.shared.events;

import java.util.List;

/**
 * The Kafka topics between the services (docs/events.md and docs/asyncapi.yaml are the contract),
 * one typed definition each: name, key and value type, compaction.
 * Keys: {@code trade.baseline} by {@code datasetVersion:year:product} (compacted),
 * {@code scenario.requests} by {@code scenarioId} (compacted), {@code dataset.current} by
 * {@link CurrentDatasetEvent#KEY} (compacted), results and metrics by {@code scenarioId}.
 */
public final class Topics {

    public static final Topic<String, TradeBaselineEvent> TRADE_BASELINE =
            new Topic<>("trade.baseline", String.class, TradeBaselineEvent.class, true);
    public static final Topic<String, ScenarioRequestEvent> SCENARIO_REQUESTS =
            new Topic<>("scenario.requests", String.class, ScenarioRequestEvent.class, true);
    public static final Topic<String, SimulationResultEvent> SIMULATION_RESULTS =
            new Topic<>("simulation.results", String.class, SimulationResultEvent.class, false);
    public static final Topic<String, NetworkMetricsEvent> NETWORK_METRICS =
            new Topic<>("network.metrics", String.class, NetworkMetricsEvent.class, false);
    /** The current data-set version (one key, one partition, compacted): {@link CurrentDatasetEvent}. */
    public static final Topic<String, CurrentDatasetEvent> DATASET_CURRENT =
            new Topic<>("dataset.current", String.class, CurrentDatasetEvent.class, true);

    /** Every topic of the contract. */
    public static final List<Topic<String, ?>> ALL =
            List.of(TRADE_BASELINE, SCENARIO_REQUESTS, SIMULATION_RESULTS, NETWORK_METRICS, DATASET_CURRENT);

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
