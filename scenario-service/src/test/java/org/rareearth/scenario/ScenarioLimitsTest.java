package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.persistence.ScenarioEntity;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.stack.LocalStackResource;

/**
 * The REST edge refuses what could be stored but never sent (issue 14, item 3): documents over
 * {@code rareearth.scenario.max-document-bytes} (1 MiB) answer 413 and store nothing; names over
 * {@code max-name-length} (200) answer 422 at {@code name}; the largest document accepted reaches
 * the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ScenarioLimitsTest {

    static final int LIMIT = 1_048_576;

    @TestHTTPResource("/scenarios")
    URI scenariosUri;

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    @Test
    void aNineMegabyteDocumentIsTooLargeAndNothingIsStored() {
        String name = "nine-mb-" + UUID.randomUUID();
        String document = TestData.paddedDocument(name, "G", 9_000_000);
        given().contentType(ContentType.JSON).body(document).post("/scenarios")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("limit", equalTo(LIMIT))
                .body("error", containsString("at most " + LIMIT + " bytes"))
                .body("error", containsString("rareearth.scenario.max-document-bytes"));
        assertThat(stored(name)).isZero();
    }

    @Test
    void aBodyWithoutContentLengthIsReadNoFurtherThanTheLimit() throws Exception {
        String name = "chunked-" + UUID.randomUUID();
        byte[] document = TestData.paddedDocument(name, "G", 2 * LIMIT).getBytes(StandardCharsets.UTF_8);
        // an InputStream publisher sends the body chunked, without Content-Length
        HttpRequest request = HttpRequest.newBuilder(scenariosUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + LocalStackResource.allRolesToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(document))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("more than " + LIMIT + " bytes");
        assertThat(stored(name)).isZero();
    }

    @Test
    void theLargestDocumentAcceptedIsPublished() {
        // every quote of the name is escaped twice on its way (canonical JSON, then the event's string):
        // the worst case for the size of the Kafka record; the canonical form is what the limit counts
        String name = "largest-" + UUID.randomUUID();
        String document = TestData.paddedDocument(name, "\\\"", LIMIT - 2_000);
        String id = ScenarioApiTest.create(document);
        ScenarioRequestEvent event = ScenarioApiTest.awaitRequest(id, 1, false);
        int canonical = event.document().getBytes(StandardCharsets.UTF_8).length;
        assertThat(canonical).isBetween(LIMIT - 10_000, LIMIT);
    }

    @Test
    void anEventBodyOverTheLimitIsTooLargeAndTheVersionStays() {
        String id = ScenarioApiTest.create(TestData.document("event-too-large"));
        String event = "{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": [" + "\"USA\", ".repeat(LIMIT / 7)
                + "\"USA\"]}";
        given().contentType(ContentType.JSON).body(event).post("/scenarios/" + id + "/events")
                .then().statusCode(413).body("limit", equalTo(LIMIT)).body("error", containsString("policy event"));
        given().get("/scenarios/" + id).then().body("version", equalTo(1)).body("document.events", hasSize(1));
    }

    @Test
    void aNameOverTheLimitIsUnprocessableAtFieldName() {
        String tooLong = "n".repeat(201);
        given().contentType(ContentType.JSON).body(TestData.document(tooLong)).post("/scenarios")
                .then().statusCode(422)
                .body("problems[0].path", equalTo("name"))
                .body("problems[0].message", equalTo("must be at most 200 characters, was 201"));
        assertThat(stored(tooLong)).isZero();
        ScenarioApiTest.create(TestData.document("n".repeat(200)));
    }

    private static long stored(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioEntity.count("name", name));
    }
}
