package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.persistence.ScenarioEntity;
import org.rareearth.stack.LocalStackResource;

/**
 * A page of another site cannot create or change scenarios (issue 14, item 7): a browser sends a
 * cross-site POST without a preflight only as a "simple" request (text/plain, a form), which the
 * API refuses (415, only application/json); CORS is answered only for configured origins
 * ({@code %test.quarkus.http.cors.origins=http://allowed.example}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CrossSiteRequestsTest {

    static final String ALLOWED = "http://allowed.example";
    static final String OTHER = "http://other.example";

    @TestHTTPResource("/scenarios")
    URI scenariosUri;

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    @Test
    void aDocumentSentAsPlainTextIsRefusedAndNothingIsStored() {
        String name = "text-plain-" + UUID.randomUUID();
        given().contentType("text/plain").body(TestData.document(name)).post("/scenarios")
                .then().statusCode(415).contentType(ContentType.JSON)
                .body("error", containsString("application/json"));
        given().contentType("application/x-www-form-urlencoded").body(TestData.document(name)).post("/scenarios")
                .then().statusCode(415);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScenarioEntity.count("name", name))).isZero();
    }

    @Test
    void aDocumentWithoutContentTypeIsRefused() throws Exception {
        String name = "no-content-type-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(scenariosUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + LocalStackResource.allRolesToken())
                .POST(HttpRequest.BodyPublishers.ofString(TestData.document(name))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("missing Content-Type").contains("application/json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScenarioEntity.count("name", name))).isZero();
    }

    @Test
    void anEventSentAsPlainTextIsRefusedAndTheVersionStays() {
        String id = ScenarioApiTest.create(TestData.document("text-plain-event"));
        given().contentType("text/plain").body("{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"USA\"}")
                .post("/scenarios/" + id + "/events")
                .then().statusCode(415).body("error", containsString("application/json"));
        given().get("/scenarios/" + id).then().body("version", equalTo(1));
    }

    @Test
    void anotherOriginGetsNoCorsAnswer() {
        given().header("Origin", OTHER).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/scenarios")
                .then().header("Access-Control-Allow-Origin", nullValue());
        String name = "other-origin-" + UUID.randomUUID();
        given().header("Origin", OTHER).contentType(ContentType.JSON).body(TestData.document(name)).post("/scenarios")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScenarioEntity.count("name", name))).isZero();
        given().header("Origin", OTHER).get("/catalog").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aConfiguredOriginIsAnswered() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/scenarios")
                .then().statusCode(200).header("Access-Control-Allow-Origin", ALLOWED);
        given().header("Origin", ALLOWED).get("/catalog")
                .then().statusCode(200).header("Access-Control-Allow-Origin", ALLOWED);
    }
}
