package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.Topics;

/**
 * Black box: the four services as processes on the real stack. A scenario posted to
 * scenario-service comes out of network.metrics with exactly the indicators the engines compute
 * directly (the command line) for the same data and document; a policy event appended to it gives
 * a version 2 whose metrics differ the way the event says.
 */
@ExtendWith(SharedSystem.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    static final String PRODUCT = "850511";
    static final int BASE_YEAR = 2023;
    static final int HORIZON = 2024;
    static final List<Integer> YEARS = List.of(2023, 2024);
    static final Duration PIPELINE = Duration.ofMinutes(2);
    static final String EMBARGO = """
            {"type": "EMBARGO", "year": 2024, "exporters": ["CHN"], "importers": ["USA"]}""";

    @TempDir
    static Path work;

    static RunningSystem system;
    static TopicRecorder metrics;
    static String scenarioId;

    @BeforeAll
    static void createScenario() {
        system = SharedSystem.get();
        metrics = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.NETWORK_METRICS.name());
        String document = """
                {"name": "e2e US tariff %s", "baseYear": %d, "horizon": %d, "products": ["%s"],
                 "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"],
                             "rate": 0.25, "mode": "add"}]}""".formatted(UUID.randomUUID(), BASE_YEAR, HORIZON, PRODUCT);
        ScenarioClient.Accepted accepted = system.scenarios().create(document);
        assertThat(accepted.version()).isEqualTo(1);
        scenarioId = accepted.id();
    }

    @AfterAll
    static void stopRecorder() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    @Order(1)
    void version1MetricsEqualTheEnginesOnTheSameInputs() throws IOException {
        Map<Integer, NetworkMetricsEvent> v1 = awaitMetrics(1);
        JsonNode expected = EngineCommandLine.network(documentFile(1), BASE_YEAR, HORIZON, PRODUCT, work);

        assertSameAsEngines(v1, expected);
        v1.values().forEach(m -> {
            assertThat(m.datasetVersion()).isEqualTo(SharedSystem.datasetVersion());
            assertThat(m.source()).isEqualTo(NetworkMetricsEvent.SOURCE_SIMULATED);
            assertThat(m.dataNotice()).as("the demo data must say they are a reconstruction").containsIgnoringCase("reconstruct");
            assertThat(m.comparison()).as("comparison with the baseline network of %d", m.year()).isNotNull();
        });
    }

    @Test
    @Order(2)
    void appendedEmbargoGivesAVersion2WhoseMetricsDiffer() throws IOException {
        Map<Integer, NetworkMetricsEvent> v1 = awaitMetrics(1);
        ScenarioClient.Accepted accepted = system.scenarios().appendEvent(scenarioId, EMBARGO);
        assertThat(accepted.version()).isEqualTo(2);

        Map<Integer, NetworkMetricsEvent> v2 = awaitMetrics(2);

        NetworkMetricsEvent before = v1.get(2024);
        NetworkMetricsEvent after = v2.get(2024);
        assertThat(after.indicators().edges()).as("CHN->USA edge closed in 2024").isEqualTo(before.indicators().edges() - 1);
        assertThat(after.comparison().jensenShannon()).as("JS divergence from the baseline").isGreaterThan(0.0);
        assertThat(after.comparison().edgeJaccard()).isLessThan(before.comparison().edgeJaccard());
        // CHN and USA stay nodes under the embargo (they trade with others), so brokerage is reported
        assertThat(after.brokerage()).as("CHN->USA brokerage in 2024").isNotNull();
        assertThat(after.brokerage().direct()).as("no direct CHN->USA trade under the embargo").isZero();
        // the embargo starts in 2024: 2023 is the same network as in version 1
        JsonClose.assertClose("2023.indicators", tree(v1.get(2023).indicators()), tree(v2.get(2023).indicators()));
        // and version 2 is again exactly what the engines compute for its document
        assertSameAsEngines(v2, EngineCommandLine.network(documentFile(2), BASE_YEAR, HORIZON, PRODUCT, work));
    }

    /** Waits until network.metrics holds the metrics of {@code version} for every year; one per year. */
    private static Map<Integer, NetworkMetricsEvent> awaitMetrics(int version) {
        return await("network.metrics of " + scenarioId + " version " + version + " for " + YEARS)
                .atMost(PIPELINE).pollInterval(Duration.ofMillis(200))
                .until(() -> metricsOf(version), m -> m.keySet().containsAll(YEARS));
    }

    private static Map<Integer, NetworkMetricsEvent> metricsOf(int version) {
        List<NetworkMetricsEvent> events = metrics.events(NetworkMetricsEvent.class).stream()
                .filter(m -> scenarioId.equals(m.scenarioId()) && Integer.valueOf(version).equals(m.scenarioVersion())
                        && PRODUCT.equals(m.product()))
                .toList();
        events.forEach(m -> assertThat(m.status()).as("metrics %s: %s", m.metricsKey(), m.error())
                .isEqualTo(ComputationStatus.OK));
        return events.stream().collect(Collectors.toMap(NetworkMetricsEvent::year, m -> m, (a, b) -> a, TreeMap::new));
    }

    /** The document of {@code version} exactly as scenario-service keeps it, as a file for the command line. */
    private static Path documentFile(int version) throws IOException {
        JsonNode detail = system.http().get(system.url(ServiceSpec.SCENARIO) + "/scenarios/" + scenarioId)
                .expect(200, "GET /scenarios/" + scenarioId).json();
        assertThat(detail.path("version").asInt()).isEqualTo(version);
        Path file = work.resolve("scenario-v" + version + ".json");
        Files.writeString(file, JsonHttp.mapper().writeValueAsString(detail.get("document")));
        return file;
    }

    private static void assertSameAsEngines(Map<Integer, NetworkMetricsEvent> published, JsonNode engines) {
        assertThat(engines.isArray()).isTrue();
        assertThat(engines.size()).isEqualTo(YEARS.size());
        for (JsonNode year : engines) {
            int y = year.path("year").asInt();
            NetworkMetricsEvent m = published.get(y);
            assertThat(m).as("metrics of %d", y).isNotNull();
            assertThat(m.threshold()).isEqualTo(year.path("threshold").asDouble());
            assertThat(m.dataNotice()).isEqualTo(year.path("dataNotice").asText());
            ObjectNode indicators = JsonHttp.mapper().createObjectNode();
            tree(m.indicators()).fieldNames().forEachRemaining(f -> indicators.set(f, year.get(f)));
            JsonClose.assertClose(y + ".indicators", indicators, tree(m.indicators()));
            JsonClose.assertClose(y + ".countries", year.get("countries"), tree(m.countries()));
            JsonClose.assertClose(y + ".brokerage", sortedBrokers(year.get("brokerage")), sortedBrokers(tree(m.brokerage())));
        }
    }

    static JsonNode tree(Object value) {
        return JsonHttp.mapper().valueToTree(value);
    }

    /** Brokers in country order: the order of equal flows is not part of the contract. */
    private static JsonNode sortedBrokers(JsonNode brokerage) {
        if (brokerage == null || !brokerage.isObject()) {
            return brokerage;
        }
        ObjectNode copy = brokerage.deepCopy();
        ArrayNode sorted = JsonHttp.mapper().createArrayNode();
        StreamSupport.stream(brokerage.path("brokers").spliterator(), false)
                .sorted(Comparator.comparing((JsonNode b) -> b.path("country").asText())).forEach(sorted::add);
        copy.set("brokers", sorted);
        return copy;
    }
}
