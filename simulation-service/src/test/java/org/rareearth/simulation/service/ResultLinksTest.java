package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * {@code GET /results/{scenarioId}} lists status rows; each row's {@code href} leads to its full
 * result (the SimulationResultEvent), also for a failure stored without a product.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ResultLinksTest {

    private static final String PRODUCT = "850511";
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void everyListedRowLinksToItsFullResult() {
        TradeBaselineEvent baseline = DemoBaselines.event("links-" + UUID.randomUUID(), 2023, PRODUCT);
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
        String solved = "links-ok-" + UUID.randomUUID();
        request(solved, """
                {"name": "links", "baseYear": 2023, "horizon": 2024, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"],
                             "rate": 0.1, "mode": "add"}]}""");
        String invalid = "links-invalid-" + UUID.randomUUID();
        request(invalid, """
                {"name": "links bad", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": -0.1}]}""");

        // the request may be solved on an earlier data set first; the new baseline re-solves it
        List<Map<String, Object>> solvedRows = await().atMost(DEADLINE).until(() -> rows(solved),
                rows -> rows.stream().filter(r -> baseline.datasetVersion().equals(r.get("datasetVersion"))).count() == 2);
        List<Map<String, Object>> invalidRows = await().atMost(DEADLINE).until(() -> rows(invalid), rows -> !rows.isEmpty());
        assertThat(invalidRows).allSatisfy(r -> {
            assertThat(r.get("product")).as("a failure before any product").isNull();
            assertThat((String) r.get("href")).contains("/none/");
        });

        for (String id : List.of(solved, invalid)) {
            for (Map<String, Object> row : id.equals(solved) ? solvedRows : invalidRows) {
                String href = (String) row.get("href");
                assertThat(href).as("href of %s", row).startsWith("/results/" + id + "/");
                String json = given().urlEncodingEnabled(false).get(href).then().statusCode(200)
                        .extract().asString();
                SimulationResultEvent full = EventCodec.decode(json, SimulationResultEvent.class);
                assertThat(full.scenarioId()).isEqualTo(id);
                assertThat(full.scenarioVersion()).isEqualTo(row.get("scenarioVersion"));
                assertThat(full.datasetVersion()).isEqualTo(row.get("datasetVersion"));
                assertThat(full.product()).isEqualTo(row.get("product"));
                assertThat(full.year()).isEqualTo(row.get("year"));
                assertThat(full.status().name()).isEqualTo(row.get("status"));
                if ("OK".equals(row.get("status"))) {
                    assertThat(full.scenario().flows()).as("the full result carries the flows").isNotEmpty();
                    assertThat(full.baseline().flows()).isNotEmpty();
                }
            }
        }
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("href"));

        archive(solved);
        archive(invalid);
    }

    /** The status rows of a scenario; none while its request has not been read yet (404). */
    private static List<Map<String, Object>> rows(String id) {
        io.restassured.response.Response response = given().get("/results/{id}", id);
        if (response.statusCode() == 404) {
            return List.of();
        }
        JsonPath body = response.then().statusCode(200).extract().jsonPath();
        return body.getList("$");
    }

    private static void request(String id, String document) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false, document, Instant.now().toString()));
    }

    private static void archive(String id) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 2, true, null, Instant.now().toString()));
    }

    private static void send(ScenarioRequestEvent request) {
        KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), request.scenarioId(), EventCodec.encode(request));
    }
}
