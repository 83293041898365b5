package org.rareearth.simulation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.ScenarioRequestRecord;
import org.rareearth.stack.LocalStackResource;

/**
 * The bad-input corpus of simulation-service (issue 10, as scenario-service's BadInputTest): path
 * traversal and SQL-like text in scenario ids, malformed versions, products and years, bad query
 * parameters, unknown routes and methods each answer a 4xx problem (status, title, detail) naming
 * the problem, without a stack trace or class name; nothing is stored (results and requests counted
 * in the database before and after); the service keeps serving afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final String ID = UUID.randomUUID().toString();
    private static long before;

    record Case(String method, String path, int status, String names) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 60 ? path.substring(0, 60) : path) + " -> " + status + " naming " + names;
        }
    }

    static Stream<Arguments> corpus() {
        String one = "/results/" + ID + "/1/850511/2024";
        return Stream.of(
                new Case("GET", "/results/..%2F..%2Fetc%2Fpasswd", 404, "scenarioId"),
                new Case("GET", "/results/%2e%2e", 404, "no"),
                new Case("GET", "/results/1'%20OR%20'1'%3D'1", 404, "scenarioId"),
                new Case("GET", "/results/x';DROP%20TABLE%20result;--", 404, "scenarioId"),
                new Case("GET", "/results/" + "a".repeat(2000), 404, "scenarioId"),
                new Case("GET", "/results/..%2F/1/850511/2024", 404, "scenarioId"),
                new Case("GET", "/results/" + ID + "/one/850511/2024", 400, "version"),
                new Case("GET", "/results/" + ID + "/0/850511/2024", 400, "version"),
                new Case("GET", "/results/" + ID + "/99999999999/850511/2024", 400, "version"),
                new Case("GET", "/results/" + ID + "/1/8505'%20OR%201=1/2024", 400, "product"),
                new Case("GET", "/results/" + ID + "/1/%2e%2e/2024", 400, "product"),
                new Case("GET", "/results/" + ID + "/1/" + "9".repeat(5000) + "/2024", 400, "product"),
                new Case("GET", "/results/" + ID + "/1/850511/soon", 400, "year"),
                new Case("GET", "/results/" + ID + "/1/850511/-2024", 400, "year"),
                new Case("GET", "/results/" + ID + "/1/850511/2024;DROP", 400, "year"),
                new Case("GET", one + "?datasetVersion=..%2F..%2Fetc", 400, "datasetVersion"),
                new Case("GET", one + "?datasetVersion=x'%20OR%20'1'%3D'1", 400, "datasetVersion"),
                new Case("GET", one + "?datasetVersion=" + "f".repeat(5000), 400, "datasetVersion"),
                new Case("GET", one, 404, "no result"),
                new Case("GET", "/results/" + ID, 404, "unknown scenario"),
                new Case("GET", "/no/such/route", 404, "no resource at /no/such/route"),
                new Case("POST", "/results/" + ID, 405, "not allowed")
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
        long stored = stored();
        if (before < 0) {
            before = stored;
        }
        var request = given().redirects().follow(false);
        if ("POST".equals(c.method())) {
            request = request.contentType("application/json").body("{}");
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
        assertThat(stored()).as("nothing stored by " + c).isEqualTo(stored);
    }

    @Test
    @Order(2)
    void theServiceKeepsServing() {
        assertThat(stored()).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/results/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("unknown scenario"));
    }

    /** Results and scenario requests in the database: a bad request must add neither. */
    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> ResultRecord.count() + ScenarioRequestRecord.count());
    }
}
