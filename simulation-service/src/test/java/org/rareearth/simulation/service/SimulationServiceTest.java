package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.SimulationStore;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.simulation.run.ScenarioComputation;

/**
 * The service against the real local stack: baselines and requests in on Kafka, results out on
 * Kafka, stored in PostgreSQL and served over REST. Every test uses its own scenario ids and, where
 * it needs one, its own data-set version; it first waits until its baseline is the latest stored,
 * so that requests are solved on it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class SimulationServiceTest {

    private static final String PRODUCT = "850511";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The US tariff on China of scenarios/us-tariff-on-china.json, on one product, to 2026. */
    private static final String US_TARIFF = """
            {"name": "US tariff on China", "baseYear": 2023, "horizon": 2026, "products": ["850511"],
             "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"],
                         "rate": 0.25, "mode": "add"}]}""";

    @Inject
    SimulationStore store;

    @Test
    void aRequestIsAnsweredForEveryYearStoredAndServed() {
        String ds = publishBaseline(DemoBaselines.event(unique("ds"), 2023, PRODUCT));
        String id = unique("answered");
        request(id, 1, false, US_TARIFF);

        List<SimulationResultEvent> results = awaitResults(id, ds, 4);
        assertThat(results).extracting(SimulationResultEvent::year).containsExactly(2023, 2024, 2025, 2026);
        assertThat(results).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(ComputationStatus.OK);
            assertThat(e.scenarioVersion()).isEqualTo(1);
            assertThat(e.product()).isEqualTo(PRODUCT);
            assertThat(e.dataNotice()).isEqualTo(DemoBaselines.notice());
            assertThat(e.scenario().converged()).isTrue();
        });
        // the scenario tariff lowers China -> USA against the baseline once it is in force
        SimulationResultEvent y2026 = results.get(3);
        FlowValue scenario = flow(y2026.scenario(), "CHN", "USA");
        FlowValue baseline = flow(y2026.baseline(), "CHN", "USA");
        assertThat(scenario.baseline()).isEqualTo(417913.73);
        assertThat(scenario.value()).isLessThan(baseline.value() * 0.9).isGreaterThan(0.0);
        assertThat(flow(results.get(0).scenario(), "CHN", "USA").value())
                .isCloseTo(scenario.baseline(), org.assertj.core.api.Assertions.within(1e-3));

        // stored and marked published
        List<ResultRecord> rows = store.unit(id, 1, ds, PRODUCT);
        assertThat(rows).hasSize(4).allMatch(r -> r.published);

        // served over REST
        given().get("/results/{id}", id).then().statusCode(200)
                .body("$", hasSize(4))
                .body("[0].scenarioVersion", equalTo(1))
                .body("[0].datasetVersion", equalTo(ds))
                .body("[0].product", equalTo(PRODUCT))
                .body("[0].year", equalTo(2023))
                .body("[3].year", equalTo(2026))
                .body("[0].status", equalTo("OK"));
        String json = given().queryParam("datasetVersion", ds)
                .get("/results/{id}/{v}/{p}/{y}", id, 1, PRODUCT, 2026).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        assertThat(EventCodec.decode(json, SimulationResultEvent.class)).isEqualTo(y2026);

        archive(id, 2);
    }

    @Test
    void theSameRequestTwiceChangesNothing() {
        String ds = publishBaseline(DemoBaselines.event(unique("ds"), 2023, PRODUCT));
        String id = unique("twice");
        request(id, 1, false, US_TARIFF);
        awaitResults(id, ds, 4);
        int messages = resultsOf(id).size();
        int rows = store.results(id).size();

        request(id, 1, false, US_TARIFF);
        // requests are read in order: once a later request is answered, the duplicate has been handled
        String marker = unique("marker");
        request(marker, 1, false, US_TARIFF);
        awaitResults(marker, ds, 4);

        assertThat(resultsOf(id)).hasSize(messages);
        assertThat(store.results(id)).hasSize(rows);
        archive(id, 2);
        archive(marker, 2);
    }

    @Test
    void anArchivedScenarioIsNotSolved() {
        String ds = publishBaseline(DemoBaselines.event(unique("ds"), 2023, PRODUCT));
        String id = unique("archived");
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, true, US_TARIFF, now()));
        String marker = unique("marker");
        request(marker, 1, false, US_TARIFF);
        awaitResults(marker, ds, 4);

        assertThat(resultsOf(id)).isEmpty();
        assertThat(store.request(id)).hasValueSatisfying(r -> assertThat(r.archived).isTrue());
        given().get("/results/{id}", id).then().statusCode(200).body("$", hasSize(0));
        archive(marker, 2);
    }

    @Test
    void anInvalidDocumentIsOneFailedResultWithTheReason() {
        String ds = publishBaseline(DemoBaselines.event(unique("ds"), 2023, PRODUCT));
        String id = unique("invalid");
        request(id, 1, false, """
                {"name": "bad", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": -0.1}]}""");

        List<SimulationResultEvent> results = awaitResults(id, ds, 1);
        SimulationResultEvent failed = results.get(0);
        assertThat(failed.status()).isEqualTo(ComputationStatus.FAILED);
        assertThat(failed.year()).isEqualTo(2023);
        assertThat(failed.error()).contains("events[0].rate: must be >= 0, was -0.1");
        assertThat(failed.scenario()).isNull();
        given().get("/results/{id}", id).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].status", equalTo("FAILED"))
                .body("[0].error", containsString("events[0].rate"));
        archive(id, 2);
    }

    @Test
    void aNewDataSetVersionReSolvesActiveScenarios() {
        TradeBaselineEvent first = DemoBaselines.event(unique("ds"), 2023, PRODUCT);
        publishBaseline(first);
        String id = unique("resolved");
        request(id, 1, false, US_TARIFF);
        List<SimulationResultEvent> before = awaitResults(id, first.datasetVersion(), 4);

        // new data: China ships 50 % more to the USA in the base year
        List<TradeBaselineEvent.Flow> flows = first.flows().stream()
                .map(f -> f.exporter().equals("CHN") && f.importer().equals("USA")
                        ? new TradeBaselineEvent.Flow(f.exporter(), f.importer(), f.value() * 1.5, f.quantity()) : f)
                .toList();
        String second = publishBaseline(new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, unique("ds"), 2023,
                PRODUCT, first.datasetYears(), first.datasetProducts(), first.dataNotice(), flows, first.tariffs()));

        List<SimulationResultEvent> after = awaitResults(id, second, 4);
        assertThat(after).allSatisfy(e -> assertThat(e.scenarioVersion()).isEqualTo(1));
        assertThat(flow(after.get(0).scenario(), "CHN", "USA").baseline())
                .isEqualTo(flow(before.get(0).scenario(), "CHN", "USA").baseline() * 1.5);
        // the newest data set is what the single-result endpoint serves by default
        given().get("/results/{id}/{v}/{p}/{y}", id, 1, PRODUCT, 2024).then().statusCode(200)
                .body("datasetVersion", equalTo(second));
        archive(id, 2);
    }

    /** Audit trail (issue 10): a result names who made the scenario version, also when new data re-solve it. */
    @Test
    void resultsCarryWhoRequestedTheVersionAlsoWhenNewDataReSolveIt() {
        TradeBaselineEvent first = DemoBaselines.event(unique("ds"), 2023, PRODUCT);
        publishBaseline(first);
        String id = unique("traced");
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false, US_TARIFF, now(), "ana"));
        assertThat(awaitResults(id, first.datasetVersion(), 4)).extracting(SimulationResultEvent::requestedBy)
                .containsOnly("ana");

        // the stored request, not the message, drives the re-solve: it must have kept its author
        String second = publishBaseline(new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, unique("ds"), 2023,
                PRODUCT, first.datasetYears(), first.datasetProducts(), first.dataNotice(), first.flows(),
                first.tariffs()));
        assertThat(awaitResults(id, second, 4)).extracting(SimulationResultEvent::requestedBy).containsOnly("ana");

        // a request from a producer before the audit trail: no requester, and still answered
        String old = unique("untraced");
        request(old, 1, false, US_TARIFF);
        assertThat(awaitResults(old, second, 4)).extracting(SimulationResultEvent::requestedBy).containsOnly((String) null);
        archive(id, 2);
        archive(old, 2);
    }

    @Test
    void resultsStoredButNotPublishedAreSentOnceWhenTheRequestComesAgain() {
        // as after a crash between storing and publishing: the rows exist, published = false
        TradeBaselineEvent baseline = DemoBaselines.event(unique("ds"), 2023, PRODUCT);
        publishBaseline(baseline);
        String id = unique("pending");
        ScenarioRequestEvent request = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false,
                US_TARIFF, now());
        List<SimulationResultEvent> computed = new ScenarioComputation().compute(request, baseline);
        store.storeResults(computed);
        assertThat(store.unit(id, 1, baseline.datasetVersion(), PRODUCT)).hasSize(4).noneMatch(r -> r.published);

        send(request);
        awaitResults(id, baseline.datasetVersion(), 4);
        String marker = unique("marker");
        request(marker, 1, false, US_TARIFF);
        awaitResults(marker, baseline.datasetVersion(), 4);

        assertThat(resultsOf(id)).hasSize(4).containsExactlyElementsOf(computed);
        assertThat(store.unit(id, 1, baseline.datasetVersion(), PRODUCT)).hasSize(4).allMatch(r -> r.published);
        archive(id, 2);
        archive(marker, 2);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicsAndTheConsumersCarryOn() {
        String poison = unique("poison");
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), poison, "this is not JSON");
        KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), poison, "{\"schemaVersion\": 99, \"scenarioId\": \"x\"}");

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(reason(Topics.TRADE_BASELINE.dlq(), poison)).hasValueSatisfying(
                    r -> assertThat(r).contains("not JSON"));
            assertThat(reason(Topics.SCENARIO_REQUESTS.dlq(), poison)).hasValueSatisfying(
                    r -> assertThat(r).contains("unsupported schemaVersion 99"));
        });

        // both consumers carry on: a later baseline and a later request are solved together
        String ds = publishBaseline(DemoBaselines.event(unique("ds"), 2023, PRODUCT));
        String id = unique("after-poison");
        request(id, 1, false, US_TARIFF);
        awaitResults(id, ds, 4);
        archive(id, 2);
    }

    @Test
    void badRestInputIsA4xxWithAReason() {
        given().get("/results/{id}", unique("unknown")).then().statusCode(404)
                .body("error", containsString("unknown scenario"));
        given().get("/results/x/abc/850511/2023").then().statusCode(400)
                .body("error", containsString("version"));
        given().get("/results/x/1/85051/2023").then().statusCode(400)
                .body("error", containsString("product"));
        given().get("/results/x/1/850511/20x3").then().statusCode(400)
                .body("error", containsString("year"));
        given().get("/results/x/1/850511/1999").then().statusCode(404)
                .body("error", containsString("no result"));
    }

    @Test
    void healthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/results/{scenarioId}"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        // the computation timer exists from start-up; it counts once a scenario is solved
        given().get("/q/metrics").then().statusCode(200).body(containsString("simulation_computation_seconds"));
    }

    // ------------------------------------------------------------------------------- helpers

    private String publishBaseline(TradeBaselineEvent baseline) {
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
        await().atMost(DEADLINE).until(() -> store.currentDatasetVersion().orElse(""),
                v -> v.equals(baseline.datasetVersion()));
        return baseline.datasetVersion();
    }

    private void request(String id, int version, boolean archived, String document) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, version, archived, document, now()));
    }

    private void archive(String id, int version) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, version, true, null, now()));
    }

    private static void send(ScenarioRequestEvent request) {
        KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), request.scenarioId(), EventCodec.encode(request));
    }

    /** Every result message of a scenario on simulation.results, in topic order. */
    private static List<SimulationResultEvent> resultsOf(String scenarioId) {
        return KafkaTestClient.readAll(Topics.SIMULATION_RESULTS.name()).stream()
                .filter(r -> scenarioId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), SimulationResultEvent.class))
                .toList();
    }

    private static List<SimulationResultEvent> awaitResults(String scenarioId, String datasetVersion, int count) {
        return await().atMost(DEADLINE).until(() -> resultsOf(scenarioId).stream()
                        .filter(e -> datasetVersion.equals(e.datasetVersion())).toList(),
                list -> list.size() >= count);
    }

    private static Optional<String> reason(String dlq, String key) {
        for (ConsumerRecord<String, String> r : KafkaTestClient.readAll(dlq)) {
            if (key.equals(r.key())) {
                Header h = r.headers().lastHeader(Topics.DLQ_REASON_HEADER);
                return Optional.ofNullable(h).map(x -> new String(x.value(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static FlowValue flow(SimulationResultEvent.Solution solution, String exporter, String importer) {
        return solution.flows().stream().filter(f -> f.exporter().equals(exporter) && f.importer().equals(importer))
                .findFirst().orElseThrow();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String now() {
        return java.time.Instant.now().toString();
    }

    /** CORS is answered only for the origins configured ({@code %test.quarkus.http.cors.origins=http://allowed.example}). */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForTheConfiguredOrigin() {
        given().header("Origin", "http://other.example").header("Access-Control-Request-Method", "GET")
                .options("/results/some-scenario").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://other.example").get("/q/health/live")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://allowed.example").header("Access-Control-Request-Method", "GET")
                .options("/results/some-scenario").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.example");
    }
}
