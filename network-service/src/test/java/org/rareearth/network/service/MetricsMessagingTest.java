package org.rareearth.network.service;

import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rareearth.network.persistence.MetricsRecord;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.network.run.MetricsComputation;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

/** trade.baseline and simulation.results in, network.metrics out, through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class MetricsMessagingTest {

    @Inject
    MetricsComputation computation;

    @Inject
    MetricsStore store;

    @Test
    void aDemoBaseline_isPublishedAsObservedMetrics_storedAndServed() {
        String dataset = "demo-" + UUID.randomUUID();
        TradeBaselineEvent y2023 = DemoBaselines.event(dataset, 2023, "850511");
        TradeBaselineEvent y2022 = DemoBaselines.event(dataset, 2022, "850511");
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            // the later year first: the series is served by year, not by arrival
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), y2023.key(), EventCodec.encode(y2023));
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), y2022.key(), EventCodec.encode(y2022));

            List<ConsumerRecord<String, String>> out = metrics.await(r -> r.value().contains(dataset), 2);
            ConsumerRecord<String, String> first = out.stream()
                    .filter(r -> decode(r).year() == 2023).findFirst().orElseThrow();
            assertEquals(Topics.OBSERVED, first.key());
            NetworkMetricsEvent event = decode(first);
            // the same as the core computed directly: what a dashboard reads is the engine's answer
            assertEquals(computation.observed(y2023), event);
            assertEquals(Topics.OBSERVED, event.scenarioId());
            assertNull(event.scenarioVersion());
            assertNull(event.comparison());
            assertEquals(NetworkMetricsEvent.SOURCE_OBSERVED, event.source());
            assertEquals(DemoBaselines.notice(), event.dataNotice());
            assertTrue(event.indicators().nodes() > 5);
        }
        MetricsRecord row = store.find(MetricsComputation.observedKey(y2023)).orElseThrow();
        assertTrue(row.published);
        assertEquals("OK", row.status);

        List<Integer> years = given().queryParam("product", "850511").when().get("/metrics/observed")
                .then().statusCode(200).extract().jsonPath().getList("year", Integer.class);
        assertEquals(List.of(2022, 2023), years);
        given().queryParam("product", "850511").when().get("/metrics/observed")
                .then().statusCode(200)
                .body("[0].datasetVersion", equalTo(dataset))
                .body("[1].indicators.communities", equalTo(computation.observed(y2023).indicators().communities()))
                .body("[1].indicators.edges", equalTo(computation.observed(y2023).indicators().edges()));
    }

    @Test
    void aSimulationResult_isPublishedAsSimulatedMetricsWithAComparison_andServedByScenario() {
        String scenarioId = "sim-" + UUID.randomUUID();
        SimulationResultEvent result = result(scenarioId, 2, 2030,
                flows("CHN>USA=0", "CHN>JPN=380", "JPN>USA=150", "USA>DEU=20", "DEU>JPN=10"),
                flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80", "USA>DEU=20", "DEU>JPN=10"));
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(result));
            ConsumerRecord<String, String> record = metrics.await(r -> scenarioId.equals(r.key()), 1).get(0);
            NetworkMetricsEvent event = decode(record);
            assertEquals(computation.simulated(result), event);
            assertEquals(ComputationStatus.OK, event.status());
            assertEquals(NetworkMetricsEvent.SOURCE_SIMULATED, event.source());
            assertEquals(2, event.scenarioVersion());
            assertNotNull(event.comparison());
            assertEquals(-1.0, event.comparison().indicatorChanges().get("edges"));
            assertEquals("JPN", event.brokerage().brokers().get(0).country());
            assertEquals(result.dataNotice(), event.dataNotice());
        }
        given().when().get("/metrics/" + scenarioId).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].scenarioVersion", equalTo(2))
                .body("[0].comparison.edgeJaccard", equalTo(0.8f));
        given().queryParam("version", 2).when().get("/metrics/" + scenarioId).then().statusCode(200)
                .body("[0].year", equalTo(2030));
        given().queryParam("version", 1).when().get("/metrics/" + scenarioId).then().statusCode(404)
                .body("error", equalTo("no network metrics for scenario '" + scenarioId + "' version 1"));
    }

    @Test
    void theSameResultTwice_givesOneMetricsMessageOnly() {
        String scenarioId = "twice-" + UUID.randomUUID();
        List<FlowValue> flows = flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80");
        SimulationResultEvent once = result(scenarioId, 1, 2024, flows, flows);
        SimulationResultEvent marker = result(scenarioId, 1, 2025, flows, flows);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(once));
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(once));
            // same key, same partition, processed in order: once the marker is answered, the copy was read
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(marker));
            metrics.await(r -> scenarioId.equals(r.key()) && decode(r).year() == 2025, 1);
            List<ConsumerRecord<String, String>> answers =
                    metrics.matching(r -> scenarioId.equals(r.key()) && decode(r).year() == 2024);
            assertEquals(1, answers.size(), "one answer for the same input twice");
        }
        assertTrue(store.find(once.resultKey()).orElseThrow().published);
        given().when().get("/metrics/" + scenarioId).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void theSameBaselineTwice_givesOneObservedMessageOnly() {
        String dataset = "twice-" + UUID.randomUUID();
        TradeBaselineEvent baseline = handMade(dataset, 2021);
        TradeBaselineEvent marker = handMade(dataset, 2022);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), marker.key(), EventCodec.encode(marker));
            metrics.await(r -> r.value().contains(dataset) && decode(r).year() == 2022, 1);
            assertEquals(1, metrics.matching(r -> r.value().contains(dataset) && decode(r).year() == 2021).size());
        }
        // the stored answer is the core's answer, brokerage CHN -> USA included
        assertEquals(computation.observed(baseline),
                EventCodec.decode(store.find(MetricsComputation.observedKey(baseline)).orElseThrow().event,
                        NetworkMetricsEvent.class));
    }

    @Test
    void metricsStoredButNotPublished_areSentOnceWhenTheInputIsRedelivered() {
        // a crash between "store" and "publish": the row exists, published = false
        String scenarioId = "resend-" + UUID.randomUUID();
        List<FlowValue> flows = flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80");
        SimulationResultEvent result = result(scenarioId, 1, 2026, flows, flows);
        NetworkMetricsEvent stored = computation.simulated(result);
        store.store(stored);
        assertTrue(!store.find(result.resultKey()).orElseThrow().published);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(result));
            assertEquals(stored, decode(metrics.await(r -> scenarioId.equals(r.key()), 1).get(0)));
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(result));
            SimulationResultEvent marker = result(scenarioId, 1, 2027, flows, flows);
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(marker));
            metrics.await(r -> scenarioId.equals(r.key()) && decode(r).year() == 2027, 1);
            assertEquals(1, metrics.matching(r -> scenarioId.equals(r.key()) && decode(r).year() == 2026).size());
        }
        assertTrue(store.find(result.resultKey()).orElseThrow().published);
    }

    @Test
    void aFailedResult_givesFailedMetricsWithTheError() {
        String scenarioId = "failed-" + UUID.randomUUID();
        SimulationResultEvent failed = new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, 1,
                "ds-f", "850511", 2023, 2023, 2030, ComputationStatus.FAILED,
                "Newton did not converge after 100 iterations", "test notice", null, null);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(failed));
            NetworkMetricsEvent event = decode(metrics.await(r -> scenarioId.equals(r.key()), 1).get(0));
            assertEquals(ComputationStatus.FAILED, event.status());
            assertEquals("Newton did not converge after 100 iterations", event.error());
            assertNull(event.indicators());
            assertEquals(failed.resultKey(), event.metricsKey());
        }
        assertEquals("FAILED", store.find(failed.resultKey()).orElseThrow().status);
        given().when().get("/metrics/" + scenarioId).then().statusCode(200)
                .body("[0].status", equalTo("FAILED"))
                .body("[0].error", equalTo("Newton did not converge after 100 iterations"));
    }

    @Test
    void poisonOnTradeBaseline_goesToItsDlqWithAReason_andTheConsumerCarriesOn() {
        String dataset = "poison-" + UUID.randomUUID();
        String poison = "{\"schemaVersion\":1,\"datasetVersion\":\"" + dataset + "\",\"year\":2023,\"product\":\"85051\"}";
        TradeBaselineEvent after = handMade(dataset, 2023);
        try (KafkaTestClient.Reader dlq = new KafkaTestClient.Reader(Topics.TRADE_BASELINE.dlq());
             KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), "poison-" + dataset, poison);
            KafkaTestClient.send(Topics.TRADE_BASELINE.name(), after.key(), EventCodec.encode(after));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(dataset), 1).get(0);
            assertEquals(poison, dead.value());
            String reason = KafkaTestClient.header(dead, Topics.DLQ_REASON_HEADER);
            assertNotNull(reason);
            assertTrue(reason.contains("85051"), reason);
            metrics.await(r -> r.value().contains(dataset), 1);
        }
    }

    @Test
    void poisonOnSimulationResults_goesToItsDlqWithAReason_andTheConsumerCarriesOn() {
        String scenarioId = "poison-" + UUID.randomUUID();
        List<FlowValue> flows = flows("CHN>USA=100", "USA>JPN=30");
        try (KafkaTestClient.Reader dlq = new KafkaTestClient.Reader(Topics.SIMULATION_RESULTS.dlq());
             KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, "not json " + scenarioId);
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId,
                    "{\"schemaVersion\":99,\"scenarioId\":\"" + scenarioId + "\"}");
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId,
                    EventCodec.encode(result(scenarioId, 1, 2023, flows, flows)));

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> r.value().contains(scenarioId), 2);
            assertTrue(KafkaTestClient.header(dead.get(0), Topics.DLQ_REASON_HEADER).startsWith("not JSON"),
                    KafkaTestClient.header(dead.get(0), Topics.DLQ_REASON_HEADER));
            assertTrue(KafkaTestClient.header(dead.get(1), Topics.DLQ_REASON_HEADER)
                    .contains("unsupported schemaVersion 99"), KafkaTestClient.header(dead.get(1), Topics.DLQ_REASON_HEADER));
            assertEquals(ComputationStatus.OK, decode(metrics.await(r -> scenarioId.equals(r.key()), 1).get(0)).status());
        }
        Awaitility.await().atMost(KafkaTestClient.DEADLINE)
                .until(() -> store.find(scenarioId + ":1:ds-test:850511:2023").map(r -> r.published).orElse(false));
    }

    // ---------------------------------------------------------------------------------- helpers

    private static NetworkMetricsEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), NetworkMetricsEvent.class);
    }

    /** A small observed network of a product no other test uses, with CHN and USA trading. */
    private static TradeBaselineEvent handMade(String dataset, int year) {
        List<TradeBaselineEvent.Flow> flows = List.of(
                new TradeBaselineEvent.Flow("CHN", "USA", 120.0, null),
                new TradeBaselineEvent.Flow("CHN", "JPN", 300.0, 10.0),
                new TradeBaselineEvent.Flow("JPN", "USA", 90.0, null),
                new TradeBaselineEvent.Flow("USA", "DEU", 15.0, null),
                new TradeBaselineEvent.Flow("CHN", "CHN", 900.0, null));
        return new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, dataset, year, "999901", List.of(year),
                List.of("999901"), "hand-made test flows", flows, List.of());
    }

    static List<FlowValue> flows(String... edges) {
        return edges.length == 0 ? List.of() : java.util.Arrays.stream(edges).map(e -> {
            double v = Double.parseDouble(e.substring(e.indexOf('=') + 1));
            return new FlowValue(e.substring(0, 3), e.substring(4, 7), v, v);
        }).toList();
    }

    static SimulationResultEvent result(String scenarioId, int version, int year, List<FlowValue> scenario,
                                        List<FlowValue> baseline) {
        return new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, version, "ds-test", "850511",
                year, 2023, 2030, ComputationStatus.OK, null, "test notice", solution("scenario", scenario),
                solution("baseline", baseline));
    }

    private static SimulationResultEvent.Solution solution(String name, List<FlowValue> flows) {
        return new SimulationResultEvent.Solution(name, "nonlinear", true, 4, 1e-12, java.util.Map.of(),
                java.util.Map.of(), flows, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                List.of(), List.of());
    }
}
