package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rareearth.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class HealthAndDocsTest {

    @Test
    void readinessReflectsKafkaAndTheDatabase() {
        TestData.ensureCatalogue();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAndOpenApiAreServed() {
        TestData.ensureCatalogue();
        given().get("/q/metrics").then().statusCode(200).body(containsString("rareearth_scenario_consumed_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/scenarios/{id}/forecast"))
                .body(containsString("/catalog"))
                .body(containsString("rareearth.scenario.max-document-bytes"))
                .body(containsString("\"422\""));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
