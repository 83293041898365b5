package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.stack.KafkaOutage;
import org.rareearth.stack.LocalStackResource;

/**
 * A real broker outage (issue 14, item 5): the in-process Kafka is shut down and started again on
 * the same port. While it is down, readiness answers DOWN in time and an archiving answers 503 with
 * a reason; once it is back, the archiving is published by the periodic re-send (nobody calls
 * anything) and readiness is UP again.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class KafkaOutageTest {

    /**
     * The readiness probe's timeoutSeconds: an answer later than this is no answer for Kubernetes. A
     * functional bound on the call (the check must not hang), not a speed benchmark.
     */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void anArchivingDuringAnOutageIsPublishedWhenKafkaIsBackAndReadinessAnswersInTime() throws Exception {
        TestData.ensureCatalogue();
        String id = ScenarioApiTest.create(TestData.document("outage"));
        ScenarioApiTest.awaitRequest(id, 1, false);

        try (KafkaOutage outage = LocalStackResource.stack().stopKafka()) {
            // every probe must answer within its timeout; DOWN once the clients have noticed
            await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 503);

            Response archived = given().delete("/scenarios/" + id);
            assertThat(archived.statusCode()).isEqualTo(503);
            String reason = archived.path("error");
            // either the wait ran out ("within the publish timeout of 10 s") or the client gave up first
            // and said why (e.g. "TimeoutException: Topic scenario.requests not present in metadata ...")
            assertThat(reason).doesNotContain("null")
                    .contains("scenario " + id + " version 1 (archiving) is stored, but the broker did not acknowledge it")
                    .containsPattern("acknowledge it( within the publish timeout of 10 s|: \\w+Exception: \\S+)")
                    .contains("; it is re-sent automatically every 10s until the broker acknowledges it");
        }

        ScenarioRequestEvent event = ScenarioApiTest.awaitRequest(id, 1, true);
        assertThat(event.archived()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);
    }

    /** GET /q/health/ready as a probe sends it: an HttpTimeoutException after the timeout fails the test. */
    private int readinessStatus() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET().build();
        return HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
