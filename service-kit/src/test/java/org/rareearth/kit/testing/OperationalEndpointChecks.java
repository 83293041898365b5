package org.rareearth.kit.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.rareearth.stack.KafkaOutage;
import org.rareearth.stack.LocalStack;

/**
 * What every service's operational endpoints do alike, checked the same way in each service's
 * tests (inside a {@code @QuarkusTest}: REST Assured talks to the application under test):
 * cross-origin requests are answered only for the configured origin, and readiness answers DOWN in
 * time while Kafka is down.
 */
public final class OperationalEndpointChecks {

    /** The origin the services allow in tests ({@code %test.quarkus.http.cors.origins}). */
    public static final String ALLOWED_ORIGIN = "http://allowed.example";
    private static final String OTHER_ORIGIN = "http://other.example";
    /** The readiness probe's timeoutSeconds in the deployment manifests: an answer must come within it. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private OperationalEndpointChecks() {
    }

    /**
     * A preflight for {@code apiPath} and a plain request from another origin get no
     * Access-Control-Allow-Origin; a preflight from {@link #ALLOWED_ORIGIN} is allowed.
     */
    public static void crossOriginIsAnsweredOnlyForTheConfiguredOrigin(String apiPath) {
        given().header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "POST")
                .options(apiPath).then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", OTHER_ORIGIN).get("/q/health/live")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .options(apiPath).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
    }

    /**
     * While Kafka is down, {@code readiness} answers DOWN within the probe's timeout: a functional
     * bound on the call (an HttpTimeoutException fails the check), not a speed benchmark. Kafka is
     * back (and readiness UP) before the check ends, whatever happens.
     */
    public static void readinessAnswersDownInTimeWhileKafkaIsDown(URI readiness, LocalStack stack) {
        try (KafkaOutage outage = stack.stopKafka()) {
            await().atMost(DEADLINE).until(() -> readinessStatus(readiness) == 503);
        }
        await().atMost(DEADLINE).until(() -> readinessStatus(readiness) == 200);
    }

    private static int readinessStatus(URI readiness) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET().build();
        return HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
