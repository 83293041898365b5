package org.rareearth.network.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;
import org.rareearth.network.metrics.NetworkComparison;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * Turns an input event into the {@code network.metrics} event that answers it, without any
 * framework: the observed network of a {@link TradeBaselineEvent}, or the simulated network of a
 * {@link SimulationResultEvent} compared with its baseline network of the same year (MODEL.md 7-9).
 * A computation that cannot be done is answered with a FAILED event carrying the reason, never dropped.
 */
public final class MetricsComputation {

    /** The brokerage pair the {@code network.metrics} contract reports (NetworkMetricsEvent.brokerage). */
    public static final String BROKER_FROM = "CHN";
    public static final String BROKER_TO = "USA";

    private final double threshold;
    private final NetworkAnalyzer analyzer;

    /** Leiden with the default seeds (MODEL.md 12); {@code threshold} in thousand USD, 0 keeps every positive flow. */
    public MetricsComputation(double threshold) {
        this(threshold, new NetworkAnalyzer());
    }

    public MetricsComputation(double threshold, NetworkAnalyzer analyzer) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("network threshold must be finite and >= 0 (thousand USD), was " + threshold);
        }
        this.threshold = threshold;
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    public double threshold() {
        return threshold;
    }

    /** The metrics key of the event {@link #observed} gives for this baseline (known before computing). */
    public static String observedKey(TradeBaselineEvent baseline) {
        return key(Topics.OBSERVED, null, baseline.datasetVersion(), baseline.product(), baseline.year());
    }

    /** The metrics key of the event {@link #simulated} gives for this result: the result's own key. */
    public static String simulatedKey(SimulationResultEvent result) {
        return key(result.scenarioId(), result.scenarioVersion(), result.datasetVersion(), result.product(), result.year());
    }

    /** Same format as {@link NetworkMetricsEvent#metricsKey()}. */
    private static String key(String scenarioId, Integer scenarioVersion, String datasetVersion, String product, int year) {
        return scenarioId + ":" + scenarioVersion + ":" + datasetVersion + ":" + product + ":" + year;
    }

    /** Indicators of the observed network of one year and product (comparison null). */
    public NetworkMetricsEvent observed(TradeBaselineEvent baseline) {
        try {
            TradeNetwork network = TradeNetwork.build(baseline.matrix(), threshold);
            NetworkAnalysis analysis = analyzer.analyze(network);
            return new NetworkMetricsEvent(NetworkMetricsEvent.SCHEMA_VERSION, Topics.OBSERVED, null,
                    baseline.datasetVersion(), baseline.product(), baseline.year(), NetworkMetricsEvent.SOURCE_OBSERVED,
                    ComputationStatus.OK, null, baseline.dataNotice(), threshold, MetricsMapping.indicators(analysis.indicators()),
                    MetricsMapping.countries(analysis), MetricsMapping.brokerage(brokerage(network)), null);
        } catch (RuntimeException e) {
            return failed(Topics.OBSERVED, null, baseline.datasetVersion(), baseline.product(), baseline.year(),
                    NetworkMetricsEvent.SOURCE_OBSERVED, baseline.dataNotice(), "network computation failed: " + reason(e));
        }
    }

    /**
     * Indicators of the scenario network, its comparison with the baseline network of the same year
     * (scenario minus baseline, MODEL.md 9) and the CHN -> USA brokerage on the scenario network.
     * A FAILED result is answered FAILED with the simulation's error.
     */
    public NetworkMetricsEvent simulated(SimulationResultEvent result) {
        if (result.status() != ComputationStatus.OK) {
            return failed(result, result.error());
        }
        try {
            TradeNetwork scenarioNet = TradeNetwork.build(matrixOf(result.scenario(), result.product(), result.year()),
                    threshold);
            TradeNetwork baselineNet = TradeNetwork.build(matrixOf(result.baseline(), result.product(), result.year()),
                    threshold);
            NetworkAnalysis scenario = analyzer.analyze(scenarioNet);
            NetworkAnalysis baseline = analyzer.analyze(baselineNet);
            NetworkComparison comparison = NetworkComparison.between(baseline, baselineNet, scenario, scenarioNet);
            return new NetworkMetricsEvent(NetworkMetricsEvent.SCHEMA_VERSION, result.scenarioId(),
                    result.scenarioVersion(), result.datasetVersion(), result.product(), result.year(),
                    NetworkMetricsEvent.SOURCE_SIMULATED, ComputationStatus.OK, null, result.dataNotice(), threshold,
                    MetricsMapping.indicators(scenario.indicators()), MetricsMapping.countries(scenario),
                    MetricsMapping.brokerage(brokerage(scenarioNet)), MetricsMapping.comparison(comparison));
        } catch (RuntimeException e) {
            return failed(result, "network computation failed: " + reason(e));
        }
    }

    /**
     * The simulated flows of a solution as a matrix: each flow's simulated {@code value} (world
     * prices, thousand USD); a null value (not finite in the solver) counts as no trade.
     */
    static TradeMatrix matrixOf(SimulationResultEvent.Solution solution, String product, int year) {
        List<TradeFlow> flows = new ArrayList<>();
        for (SimulationResultEvent.FlowValue f : solution.flows()) {
            double value = f.value() == null ? 0.0 : f.value();
            flows.add(new TradeFlow(year, f.exporter(), f.importer(), product == null ? "" : product, value, Double.NaN));
        }
        return TradeMatrix.sumOf(flows);
    }

    /** CHN -> USA brokerage, or null when either country is not a node of this network. */
    static Brokerage brokerage(TradeNetwork network) {
        if (!network.contains(BROKER_FROM) || !network.contains(BROKER_TO)) {
            return null;
        }
        return Brokerage.between(network, BROKER_FROM, BROKER_TO);
    }

    private NetworkMetricsEvent failed(SimulationResultEvent result, String error) {
        return failed(result.scenarioId(), result.scenarioVersion(), result.datasetVersion(), result.product(),
                result.year(), NetworkMetricsEvent.SOURCE_SIMULATED, result.dataNotice(), error);
    }

    private NetworkMetricsEvent failed(String scenarioId, Integer scenarioVersion, String datasetVersion, String product,
                                       int year, String source, String dataNotice, String error) {
        return new NetworkMetricsEvent(NetworkMetricsEvent.SCHEMA_VERSION, scenarioId, scenarioVersion, datasetVersion,
                product, year, source, ComputationStatus.FAILED, error == null ? "unknown error" : error, dataNotice,
                threshold, null, null, null, null);
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
