package org.rareearth.network.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rareearth.stack.LocalStackResource;

/** REST input checks, the dashboard page and the operational endpoints. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ServiceEndpointsTest {

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
}
