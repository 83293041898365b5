package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareearth.stack.LocalStackResource;
import org.rareearth.tradedata.DemoZip;

/**
 * The bad-input corpus of ingest-service (issue 10, as scenario-service's BadInputTest): each case
 * answers a 4xx problem (status, title, detail) that names the problem, without a stack trace or
 * class name; nothing is stored (GET /datasets lists as many versions before and after); the service
 * keeps serving (a valid upload and a valid PUT /datasets/current afterwards succeed).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final String JSON = "application/json";
    private static int before;

    record Case(String method, String path, String contentType, String body, int status, String names) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 60 ? path.substring(0, 60) : path) + " -> " + status + " naming " + names;
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                new Case("PUT", "/datasets/current", JSON, "{\"version\": ", 400, "malformed JSON"),
                new Case("PUT", "/datasets/current", JSON, "", 400, "version"),
                new Case("PUT", "/datasets/current", JSON, "{}", 400, "version"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": 42}", 404, "42"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": \"sha256:" + "f".repeat(100_000) + "\"}", 404, "no data set"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": \"" + "x".repeat(2_000_000) + "\"}", 400, "malformed JSON"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": \"sha256:abc\", \"bogus\": 1}", 404, "sha256:abc"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": \"../../etc/passwd\"}", 404, "no data set"),
                new Case("PUT", "/datasets/current", JSON, "{\"version\": \"x' OR '1'='1\"}", 404, "no data set"),
                new Case("PUT", "/datasets/current", "text/plain", "sha256:abc", 415, "Content-Type"),
                new Case("GET", "/datasets/..%2F..%2Fetc%2Fpasswd", null, null, 404, "no data set"),
                new Case("GET", "/datasets/%2e%2e", null, null, 404, "no"),
                new Case("GET", "/datasets/1'%20OR%20'1'%3D'1", null, null, 404, "no data set"),
                new Case("GET", "/datasets/sha256:x';DROP%20TABLE%20dataset_version;--/report", null, null, 404, "no data set"),
                new Case("GET", "/datasets/" + "a".repeat(2000), null, null, 404, "no data set"),
                new Case("GET", "/datasets/..%2F/problems", null, null, 404, "no data set"),
                new Case("GET", "/ingests/..%2F..%2Fetc", null, null, 404, "no"),
                new Case("DELETE", "/ingests/1'%20OR%201=1", null, null, 404, "no"),
                new Case("POST", "/datasets", "application/zip", "this is not a zip archive", 422, "ZIP"),
                new Case("POST", "/datasets", "text/csv", "", 400, "empty"),
                new Case("POST", "/datasets?name=..%2F..%2Fetc%2Fpasswd", "text/csv", "a,b\n1,2\n", 422, "Comtrade"),
                new Case("POST", "/datasets", "application/json", "{}", 415, "application/zip"),
                new Case("GET", "/no/such/route", null, null, 404, "no resource at /no/such/route"),
                new Case("PATCH", "/datasets", JSON, "{}", 405, "not allowed")
        ).map(Arguments::of);
    }

    @BeforeAll
    static void count() {
        before = -1;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputAnswersAProblemNamingItAndStoresNothing(Case c) {
        int stored = total();
        if (before < 0) {
            before = stored;
        }
        var request = given().redirects().follow(false);
        if (c.contentType() != null) {
            request = request.contentType(c.contentType()).body(c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Response answer = request.urlEncodingEnabled(false).request(c.method(), c.path());
        String body = answer.asString();
        assertThat(answer.statusCode()).as(body.length() > 2000 ? body.substring(0, 2000) : body).isEqualTo(c.status());
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(c.status());
        assertThat(answer.jsonPath().getString("title")).isNotBlank();
        assertThat(answer.jsonPath().getString("detail")).isNotBlank();
        assertThat(body).contains(c.names()).doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("com.fasterxml").doesNotContain("java.");
        assertThat(total()).as("nothing stored by " + c).isEqualTo(stored);
    }

    @Test
    @Order(2)
    void theServiceKeepsServing() {
        assertThat(total()).isEqualTo(before);
        String version = given().contentType("application/zip")
                .body(DemoZip.demo().withNotice("Reconstruction (demo data) uploaded by ingest BadInputTest").zip())
                .post("/datasets").then().statusCode(anyOf(equalTo(200), equalTo(201))).extract().path("version");
        given().contentType(JSON).body("{\"version\":\"" + version + "\"}").put("/datasets/current")
                .then().statusCode(200).body("version", equalTo(version));
        assertThat(total()).isBetween(before, before + 1);
    }

    private static int total() {
        return given().get("/datasets").then().statusCode(200).extract().path("size()");
    }
}
