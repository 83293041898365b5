package org.rareearth.network.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rareearth.stack.LocalStackResource;

/**
 * network-service's edge (issue 10): the dashboard and its assets carry the security headers (a
 * Content-Security-Policy without inline script, nosniff, no framing, no referrer) and the page
 * has no inline script; the bad-input corpus answers a 4xx problem naming the problem, without a
 * stack trace or class name, and the service keeps serving.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboard")
    void theDashboardCarriesTheSecurityHeaders(String path) {
        Response answer = given().get(path);
        assertThat(answer.statusCode()).isEqualTo(200);
        String csp = answer.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    static Stream<String> dashboard() {
        return Stream.of("/", "/index.html", "/dashboard.js", "/dashboard.css");
    }

    @Test
    void thePageHasNoInlineScriptOrStyle() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertThat(page).contains("<script src=\"dashboard.js\"></script>").doesNotContain("<script>")
                .doesNotContain("<style>");
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("/metrics/observed?product=..%2F..%2Fetc", 400, "product"),
                Arguments.of("/metrics/observed?product=1'%20OR%20'1'%3D'1", 400, "product"),
                Arguments.of("/metrics/observed?product=" + "8".repeat(1000), 400, "product"),
                Arguments.of("/metrics/..%2F..%2Fetc%2Fpasswd", 404, "scenarioId"),
                Arguments.of("/metrics/x'%3BDROP%20TABLE%20metrics%3B--", 404, "scenarioId"),
                Arguments.of("/metrics/s1?version=-1", 400, "version"),
                Arguments.of("/metrics/s1?version=NaN", 400, "version"),
                Arguments.of("/metrics/s1?version=99999999999", 400, "version"),
                Arguments.of("/no/such/route", 404, "no resource at /no/such/route"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void eachBadInputAnswersAProblemNamingIt(String path, int status, String names) {
        Response answer = given().urlEncodingEnabled(false).get(path);
        String body = answer.asString();
        assertThat(answer.statusCode()).as(body).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(answer.jsonPath().getString("detail")).isNotBlank();
        assertThat(body).contains(names).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aMethodTheApiDoesNotHaveIsAProblemToo() {
        given().contentType("application/json").body("{\"a\": [[[[[[[[[[]]]]]]]]]]}").post("/metrics/observed")
                .then().statusCode(405).body("status", equalTo(405)).body("detail", containsString("not allowed"));
    }

    @Test
    @Order(2)
    void theServiceKeepsServing() {
        given().get("/metrics/observed?product=850511").then().statusCode(200);
    }
}
