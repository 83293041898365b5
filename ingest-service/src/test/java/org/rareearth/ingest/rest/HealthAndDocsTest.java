package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.rareearth.kit.testing.OperationalEndpointChecks;
import org.rareearth.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class HealthAndDocsTest {

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void readinessReflectsKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        // an upload that is refused still counts
        given().contentType("application/zip").body("no zip".getBytes()).post("/datasets").then().statusCode(422);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("rareearth_ingest_datasets_total"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/datasets/{version}/problems"))
                .body(containsString("application/zip"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** CORS is answered only for the origins configured ({@code %test.quarkus.http.cors.origins}). */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForTheConfiguredOrigin() {
        OperationalEndpointChecks.crossOriginIsAnsweredOnlyForTheConfiguredOrigin("/datasets");
    }

    @Test
    void readinessAnswersDownInTimeWhileKafkaIsDown() {
        OperationalEndpointChecks.readinessAnswersDownInTimeWhileKafkaIsDown(readiness, LocalStackResource.stack());
    }
}
