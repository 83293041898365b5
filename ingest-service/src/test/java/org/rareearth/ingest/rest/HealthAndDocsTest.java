package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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

    /** CORS is answered only for the origins configured ({@code %test.quarkus.http.cors.origins=http://allowed.example}). */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForTheConfiguredOrigin() {
        given().header("Origin", "http://other.example").header("Access-Control-Request-Method", "POST")
                .options("/datasets").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://other.example").get("/q/health/live")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://allowed.example").header("Access-Control-Request-Method", "POST")
                .options("/datasets").then().statusCode(200)
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
