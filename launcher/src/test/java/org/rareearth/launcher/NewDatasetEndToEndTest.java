package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * Black box: a new data-set version uploaded to ingest-service is published as trade.baseline
 * events and re-solves a scenario that was already active, whose network metrics on the new data
 * differ where the data changed. Runs last: afterwards the newest data set is this one.
 */
@ExtendWith(SharedSystem.class)
@Order(Integer.MAX_VALUE)
class NewDatasetEndToEndTest {

    static final String PRODUCT = "850511";
    static final Duration PIPELINE = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static RunningSystem system;
    static TopicRecorder baselines;
    static TopicRecorder results;
    static TopicRecorder metrics;
    static String scenarioId;

    @BeforeAll
    static void activeScenarioOnTheFirstDataSet() {
        system = SharedSystem.get();
        String kafka = system.stack().kafkaBootstrapServers();
        baselines = new TopicRecorder(kafka, Topics.TRADE_BASELINE.name());
        results = new TopicRecorder(kafka, Topics.SIMULATION_RESULTS.name());
        metrics = new TopicRecorder(kafka, Topics.NETWORK_METRICS.name());
        scenarioId = system.scenarios().create("""
                {"name": "e2e new data %s", "baseYear": 2023, "horizon": 2023, "products": ["%s"],
                 "events": [{"type": "TARIFF", "year": 2023, "importers": ["USA"], "exporters": ["CHN"],
                             "rate": 0.10, "mode": "add"}]}""".formatted(UUID.randomUUID(), PRODUCT)).id();
        system.scenarios().awaitSettled(scenarioId, 1, PIPELINE);
    }

    @AfterAll
    static void stopRecorders() {
        Stream.of(baselines, results, metrics).filter(r -> r != null).forEach(TopicRecorder::close);
    }

    @Test
    void aNewDataSetVersionIsPublishedAndReSolvesActiveScenarios() throws IOException {
        String first = SharedSystem.datasetVersion();
        NetworkMetricsEvent before = awaitMetricsOn(first);

        Path changed = ChangedDemoData.write(work);
        DemoUpload.Uploaded uploaded = system.upload().upload(changed);
        assertThat(uploaded.created()).isTrue();
        String second = uploaded.version();
        assertThat(second).isNotEqualTo(first);

        // one trade.baseline per (year, product) of the new version, the changed flow in it
        List<TradeBaselineEvent> published = await("trade.baseline of " + second).atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> baselines.events(TradeBaselineEvent.class).stream()
                        .filter(e -> second.equals(e.datasetVersion())).toList(), l -> l.size() >= 35);
        assertThat(published).hasSize(35);
        Set<String> keys = published.stream().map(TradeBaselineEvent::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).hasSize(35);
        TradeBaselineEvent magnets2023 = published.stream()
                .filter(e -> e.year() == 2023 && PRODUCT.equals(e.product())).findFirst().orElseThrow();
        double doubled = magnets2023.flows().stream()
                .filter(f -> f.exporter().equals("CHN") && f.importer().equals("USA")).findFirst().orElseThrow().value();

        // the scenario that was active is solved again on the new version, without being touched
        List<SimulationResultEvent> resolved = await("simulation.results of " + scenarioId + " on " + second)
                .atMost(PIPELINE).pollInterval(Duration.ofMillis(200))
                .until(() -> results.events(SimulationResultEvent.class).stream()
                        .filter(r -> scenarioId.equals(r.scenarioId()) && second.equals(r.datasetVersion())).toList(),
                        l -> !l.isEmpty());
        assertThat(resolved).allMatch(r -> r.status() == ComputationStatus.OK && r.scenarioVersion() == 1);

        NetworkMetricsEvent after = awaitMetricsOn(second);
        double inBefore = before.countries().get("USA").inStrength();
        double inAfter = after.countries().get("USA").inStrength();
        assertThat(inAfter).as("US imports of magnets on the new data").isGreaterThan(inBefore);
        assertThat(doubled).isPositive();
    }

    private static NetworkMetricsEvent awaitMetricsOn(String datasetVersion) {
        return await("network.metrics of " + scenarioId + " on " + datasetVersion).atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> metrics.events(NetworkMetricsEvent.class).stream()
                        .filter(m -> scenarioId.equals(m.scenarioId()) && datasetVersion.equals(m.datasetVersion())
                                && PRODUCT.equals(m.product()) && m.year() == 2023)
                        .findFirst().orElse(null), m -> m != null && m.status() == ComputationStatus.OK);
    }
}
