package org.rareearth.network.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.kit.testing.OperationalEndpointChecks;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.stack.LocalStackResource;

/** REST input checks, the dashboard page and the operational endpoints. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ServiceEndpointsTest {

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void observedMetrics_refuseAMalformedProduct() {
        given().queryParam("product", "85051x").when().get("/metrics/observed")
                .then().statusCode(400)
                .body("error", equalTo("query parameter product: must be an HS6 code (6 digits, e.g. 850511), was '85051x'"));
        given().when().get("/metrics/observed")
                .then().statusCode(400).body("error", containsString("query parameter product: required"));
    }

    @Test
    void observedMetrics_ofAProductWithoutData_areAnEmptyList() {
        given().queryParam("product", "000001").when().get("/metrics/observed")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void scenarioMetrics_refuseAMalformedVersion_andAnswer404ForAnUnknownScenario() {
        given().queryParam("version", "zero").when().get("/metrics/some-scenario")
                .then().statusCode(400)
                .body("error", equalTo("query parameter version: must be a whole number >= 1, was 'zero'"));
        given().queryParam("version", "0").when().get("/metrics/some-scenario").then().statusCode(400);
        given().when().get("/metrics/no-such-scenario")
                .then().statusCode(404)
                .body("error", equalTo("no network metrics for scenario 'no-such-scenario'"));
    }

    @Test
    void theDashboardPage_isServedWithItsChartContainer_andNoExternalScripts() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"chart\""))
                .body(containsString("metrics/observed?product="))
                .body(not(containsString("https://")));
    }

    @Test
    void healthMetricsAndOpenApi_answer() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/metrics/observed"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * The computation timer exists once the service has handled an input (its coordinator is
     * created then): this test measures a baseline of its own first, so it does not depend on
     * another test having sent one.
     */
    @Test
    void theComputationTimer_isServed_onceABaselineWasMeasured() {
        TradeBaselineEvent baseline = DemoBaselines.event("endpoints-" + UUID.randomUUID(), 2023, "850511");
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            KafkaTestClient.send(Topics.TRADE_BASELINE, baseline.key(), baseline);
            metrics.await(r -> r.value().contains(baseline.datasetVersion()), 1);
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("network_metrics_computation_seconds_count{source=\"observed\""));
    }

    /** CORS is answered only for the origins configured ({@code %test.quarkus.http.cors.origins}). */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForTheConfiguredOrigin() {
        OperationalEndpointChecks.crossOriginIsAnsweredOnlyForTheConfiguredOrigin("/metrics/observed");
    }

    @Test
    void readinessAnswersDownInTimeWhileKafkaIsDown() {
        OperationalEndpointChecks.readinessAnswersDownInTimeWhileKafkaIsDown(readiness, LocalStackResource.stack());
    }
}
