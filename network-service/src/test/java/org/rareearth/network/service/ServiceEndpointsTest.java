package org.rareearth.network.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rareearth.stack.KafkaOutage;
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
                .body(containsString("network_metrics_computation_seconds"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/metrics/observed"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** CORS is answered only for the origins configured ({@code %test.quarkus.http.cors.origins=http://allowed.example}). */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForTheConfiguredOrigin() {
        given().header("Origin", "http://other.example").header("Access-Control-Request-Method", "POST")
                .options("/metrics/observed").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://other.example").get("/q/health/live")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://allowed.example").header("Access-Control-Request-Method", "POST")
                .options("/metrics/observed").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://allowed.example");
    }

    /**
     * While Kafka is down, readiness answers DOWN within the probe's timeoutSeconds (10): a functional
     * bound on the call (an HttpTimeoutException fails the test), not a speed benchmark. Kafka is back
     * (and readiness UP) before the test ends, whatever happens.
     */
    @Test
    void readinessAnswersDownInTimeWhileKafkaIsDown() {
        try (KafkaOutage outage = LocalStackResource.stack().stopKafka()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 503);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);
    }

    private int readinessStatus() throws Exception {
        Duration probeTimeout = Duration.ofSeconds(10);
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(probeTimeout).GET().build();
        return HttpClient.newBuilder().connectTimeout(probeTimeout).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
