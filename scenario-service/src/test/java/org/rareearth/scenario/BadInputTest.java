package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareearth.stack.LocalStackResource;

/**
 * The bad-input corpus of scenario-service (issue 10): each case answers a 4xx problem (status,
 * title, detail) that names the problem, without a stack trace or class name; nothing is stored
 * (GET /scenarios counts the same before and after); the service keeps serving (a valid document
 * afterwards is created).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final String VALID_EVENT =
            "{\"type\": \"TARIFF\", \"year\": 2024, \"importers\": [\"USA\"], \"exporters\": [\"CHN\"], \"rate\": %s, \"mode\": \"add\"}";
    private static long before;

    record Case(String method, String path, String contentType, String body, int status, String names) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 60 ? path.substring(0, 60) : path) + " -> " + status + " naming " + names;
        }
    }

    static Stream<Arguments> corpus() {
        String doc = TestData.document("bad-input");
        String deep = "{\"name\": \"deep\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";
        return Stream.of(
                new Case("POST", "/scenarios", "application/json", "{\"name\": ", 400, "malformed JSON"),
                new Case("POST", "/scenarios", "application/json", "", 400, "empty document"),
                new Case("POST", "/scenarios", "application/json", doc.replace("\"baseYear\": 2023", "\"baseYear\": \"soon\""),
                        422, "baseYear"),
                new Case("POST", "/scenarios", "application/json", doc.replace("\"products\": [\"850511\"]", "\"products\": 850511"),
                        422, "products"),
                new Case("POST", "/scenarios", "application/json", deep, 400, "rareearth.limits.json-max-depth"),
                new Case("POST", "/scenarios", "application/json", doc.replace("bad-input", "n".repeat(5000)), 422, "name"),
                new Case("POST", "/scenarios", "application/json", doc.replace("bad-input", "x".repeat(1_200_000)), 413,
                        "max-document-bytes"),
                new Case("POST", "/scenarios", "application/json", doc.replace("\"horizon\"", "\"bogus\": 1, \"horizon\""),
                        422, "bogus"),
                new Case("POST", "/scenarios", "application/json", doc.replace("0.25", "NaN"), 422, "rate"),
                new Case("POST", "/scenarios", "application/json", doc.replace("0.25", "-0.5"), 422, "rate"),
                new Case("POST", "/scenarios", "text/plain", doc, 415, "application/json"),
                new Case("GET", "/scenarios/..%2F..%2Fetc%2Fpasswd", null, null, 404, "no scenario"),
                new Case("GET", "/scenarios/%2e%2e", null, null, 404, "no"),
                new Case("GET", "/scenarios/1'%20OR%20'1'%3D'1", null, null, 404, "no scenario"),
                new Case("GET", "/scenarios/" + "a".repeat(2000), null, null, 404, "no scenario"),
                new Case("POST", "/scenarios/x';DROP%20TABLE%20scenario;--/events", "application/json",
                        VALID_EVENT.formatted("0.1"), 404, "no scenario"),
                new Case("GET", "/scenarios?offset=-1", null, null, 400, "offset"),
                new Case("GET", "/scenarios?limit=abc", null, null, 400, "limit"),
                new Case("GET", "/no/such/route", null, null, 404, "no resource at /no/such/route"),
                new Case("PATCH", "/scenarios", "application/json", "{}", 405, "not allowed")
        ).map(Arguments::of);
    }

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    @BeforeAll
    static void count() {
        before = -1;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputAnswersAProblemNamingItAndStoresNothing(Case c) {
        long stored = total();
        if (before < 0) {
            before = stored;
        }
        var request = given().redirects().follow(false);
        if (c.contentType() != null) {
            request = request.contentType(c.contentType()).body(c.body());
        }
        Response answer = request.urlEncodingEnabled(false).request(c.method(), c.path());
        String body = answer.asString();
        assertThat(answer.statusCode()).as(body).isEqualTo(c.status());
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
        TestData.ensureCatalogue();
        given().contentType("application/json").body(TestData.document("after-the-corpus-" + UUID.randomUUID()))
                .post("/scenarios").then().statusCode(201);
        assertThat(total()).isEqualTo(before + 1);
    }

    private static long total() {
        return given().get("/scenarios?limit=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
