package org.rareearth.scenario;

import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.persistence.NetworkMetricsRow;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ScenarioStatusTest {

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    private static JsonPath awaitStatus(String id, String status) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = given().get("/scenarios/" + id + "/status").then().statusCode(200).extract().jsonPath();
            return status.equals(last[0].getString("status"));
        });
        return last[0];
    }

    private static JsonPath awaitReceived(String id, int received) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = given().get("/scenarios/" + id + "/status").then().statusCode(200).extract().jsonPath();
            return last[0].getInt("received") == received;
        });
        return last[0];
    }

    @Test
    void resultsAndMetricsTakeAVersionFromPendingThroughComputingToReadyWithItsForecast() {
        String id = ScenarioApiTest.create(TestData.document("flow"));
        given().get("/scenarios/" + id + "/status").then().body("status", equalTo("pending"))
                .body("expected", equalTo(2)).body("received", equalTo(0));

        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.result(id, 1, 2023));
        JsonPath computing = awaitStatus(id, "computing");
        assertThat(computing.getInt("expected")).isEqualTo(2);
        assertThat(computing.getInt("received")).isZero();
        given().get("/scenarios/" + id + "/forecast").then().statusCode(409).body("status", equalTo("computing"));

        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.metrics(id, 1, 2023));
        awaitReceived(id, 1);
        assertThat(given().get("/scenarios/" + id + "/status").jsonPath().getString("status")).isEqualTo("computing");

        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.result(id, 1, 2024));
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.metrics(id, 1, 2024));
        JsonPath ready = awaitStatus(id, "ready");
        assertThat(ready.getInt("received")).isEqualTo(2);
        assertThat(ready.getString("datasetVersion")).isEqualTo(TestData.DATASET);
        assertThat(ready.getString("reason")).isNull();

        JsonPath forecast = given().get("/scenarios/" + id + "/forecast").then().statusCode(200).extract().jsonPath();
        assertThat(forecast.getString("id")).isEqualTo(id);
        assertThat(forecast.getInt("version")).isEqualTo(1);
        assertThat(forecast.getString("datasetVersion")).isEqualTo(TestData.DATASET);
        assertThat(forecast.getString("dataNotice")).isEqualTo(TestData.NOTICE);
        String y2023 = "products.'850511'.'2023'.";
        String y2024 = "products.'850511'.'2024'.";
        assertThat(forecast.getDouble(y2023 + "worldPrices.CHN")).isEqualTo(1.1);
        assertThat(forecast.getDouble(y2023 + "compositePrices.USA")).isEqualTo(1.05);
        assertThat(forecast.getDouble(y2024 + "compositePrices.USA")).isEqualTo(1.06);
        assertThat(forecast.getDouble(y2024 + "flows[0].value")).isEqualTo(901.0);
        assertThat(forecast.getString(y2023 + "flows[0].exporter")).isEqualTo("CHN");
        assertThat(forecast.getDouble(y2023 + "welfare.USA.consumerSurplus")).isEqualTo(-12.5);
        assertThat(forecast.getDouble(y2023 + "welfare.USA.net")).isEqualTo(-8.5);
        assertThat(forecast.getDouble(y2024 + "network.indicators.exportHHI")).isEqualTo(0.81);
        assertThat(forecast.getInt(y2023 + "network.indicators.nodes")).isEqualTo(3);
        assertThat(forecast.getString(y2023 + "network.brokerage.brokers[0].country")).isEqualTo("JPN");
        assertThat(forecast.getDouble(y2023 + "network.comparison.jensenShannon")).isEqualTo(0.002);
        assertThat(forecast.getDouble(y2023 + "network.comparison.indicatorChanges.density")).isEqualTo(-0.01);
        assertThat(forecast.getMap("products.'850511'")).containsOnlyKeys("2023", "2024");
    }

    @Test
    void aFailedResultFailsTheVersionWithItsReason() {
        String id = ScenarioApiTest.create(TestData.document("fails"));
        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.failedResult(id, 1, "solver did not converge after 500 iterations"));
        JsonPath failed = awaitStatus(id, "failed");
        assertThat(failed.getString("reason")).isEqualTo("solver did not converge after 500 iterations");
        given().get("/scenarios/" + id).then().body("status", equalTo("failed"))
                .body("reason", equalTo("solver did not converge after 500 iterations"));
        given().get("/scenarios/" + id + "/forecast").then().statusCode(409).body("status", equalTo("failed"));
    }

    @Test
    void failedNetworkMetricsFailTheVersionToo() {
        String id = ScenarioApiTest.create(TestData.document("metrics-fail"));
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.failedMetrics(id, 1, 2024, "network has no edges"));
        assertThat(awaitStatus(id, "failed").getString("reason")).isEqualTo("network has no edges");
    }

    @Test
    void aDuplicateMetricsMessageChangesNothing() {
        String id = ScenarioApiTest.create(TestData.document("duplicate"));
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.metrics(id, 1, 2023));
        awaitReceived(id, 1);
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.metrics(id, 1, 2023));
        // same key -> same partition: once the next message is applied, the duplicate was too
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.failedMetrics(id, 1, 2024, "marker"));
        JsonPath status = awaitStatus(id, "failed");
        assertThat(status.getInt("received")).isEqualTo(1);
        assertThat(status.getInt("expected")).isEqualTo(2);
        long rows = QuarkusTransaction.requiringNew().call(() -> NetworkMetricsRow.count("scenarioId", id));
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void eventsOfAnOlderVersionLeaveTheCurrentVersionAlone() {
        String id = ScenarioApiTest.create(TestData.document("old-version"));
        given().contentType(ContentType.JSON).body("{\"type\": \"EMBARGO\", \"year\": 2024, \"exporters\": \"CHN\", \"importers\": \"USA\"}")
                .post("/scenarios/" + id + "/events").then().statusCode(201).body("version", equalTo(2));
        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.failedResult(id, 1, "old version failed"));
        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.result(id, 2, 2023));
        JsonPath status = awaitStatus(id, "computing");
        assertThat(status.getInt("version")).isEqualTo(2);
        assertThat(status.getString("reason")).isNull();
    }

    @Test
    void poisonOnSimulationResultsIsDeadLetteredAndTheNextMessageIsProcessed() {
        String id = ScenarioApiTest.create(TestData.document("poison-results"));
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), key, "this is not JSON");
        KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), id, TestData.result(id, 1, 2023));
        assertDeadLettered(Topics.SIMULATION_RESULTS.name(), key, "not JSON");
        awaitStatus(id, "computing");
    }

    @Test
    void poisonOnNetworkMetricsIsDeadLetteredAndTheNextMessageIsProcessed() {
        String id = ScenarioApiTest.create(TestData.document("poison-metrics"));
        String key = "poison-" + UUID.randomUUID();
        // readable JSON, but a status outside the contract: the codec refuses it naming the field
        String bad = org.rareearth.shared.events.EventCodec.encode(TestData.metrics(id, 1, 2023))
                .replace("\"status\":\"OK\"", "\"status\":\"MAYBE\"");
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), key, bad);
        KafkaTestClient.send(Topics.NETWORK_METRICS.name(), id, TestData.metrics(id, 1, 2023));
        assertDeadLettered(Topics.NETWORK_METRICS.name(), key, "status");
        awaitReceived(id, 1);
    }

    private static void assertDeadLettered(String topic, String key, String reasonContains) {
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord(Topics.dlq(topic), r -> key.equals(r.key()));
        Header reason = dead.headers().lastHeader(Topics.DLQ_REASON_HEADER);
        assertThat(reason).as("dead-letter-reason header").isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains(reasonContains);
    }
}
