package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.auth.Roles;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.stack.LocalStackResource;

/**
 * Issue 10: every version records its author (token subject) and time, shown by GET
 * /scenarios/{id}/versions and carried by scenario.requests; a scenario belongs to its creator's
 * team, whose analysts alone change or share it; another team's analyst reads it only when shared.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ScenarioOwnershipTest {

    private static final String EVENT = """
            {"type": "EXPORT_TAX", "year": 2024, "exporters": ["CHN"], "rate": 0.15}""";

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    private static RequestSpecification as(String subject, String team, String... roles) {
        return given().header("Authorization", "Bearer "
                + LocalStackResource.tokens().token(subject, team, List.of(roles)));
    }

    private static String createAs(String subject, String team, String name) {
        return as(subject, team, Roles.ANALYST).contentType(ContentType.JSON).body(TestData.document(name))
                .post("/scenarios").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyVersionRecordsItsAuthorAndTimeAndWhatItAdded() {
        Instant before = Instant.now().minusSeconds(1);
        String id = createAs("ana", "red", "audited");
        as("bob", "red", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post("/scenarios/" + id + "/events")
                .then().statusCode(201).body("version", equalTo(2));

        var page = as("vic", "grey", Roles.VIEWER).get("/scenarios/" + id + "/versions").then().statusCode(200)
                .body("id", equalTo(id)).body("ownerTeam", equalTo("red")).body("shared", equalTo(false))
                .body("total", equalTo(2)).body("next", nullValue())
                .body("items.version", equalTo(List.of(1, 2)))
                .body("items.createdBy", equalTo(List.of("ana", "bob")))
                .body("items[0].eventsAdded.type", equalTo(List.of("TARIFF")))
                .body("items[1].eventsAdded.type", equalTo(List.of("EXPORT_TAX")))
                .extract().jsonPath();
        assertThat(Instant.parse(page.getString("items[0].createdAt"))).isAfter(before);
        assertThat(Instant.parse(page.getString("items[1].createdAt")))
                .isAfterOrEqualTo(Instant.parse(page.getString("items[0].createdAt")));

        // a page in the middle still knows what its first version added
        given().queryParam("offset", 1).queryParam("limit", 1).get("/scenarios/" + id + "/versions").then()
                .statusCode(200).body("items.version", equalTo(List.of(2)))
                .body("items[0].eventsAdded.type", equalTo(List.of("EXPORT_TAX"))).body("next", nullValue());
        given().queryParam("limit", 1).get("/scenarios/" + id + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1)))
                .body("next", equalTo("/scenarios/" + id + "/versions?offset=1&limit=1"));
    }

    @Test
    void scenarioRequestsCarryTheAuthorOfEachVersion() {
        String id = createAs("carla", "red", "traced");
        assertThat(ScenarioApiTest.awaitRequest(id, 1, false).requestedBy()).isEqualTo("carla");
        as("dan", "red", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post("/scenarios/" + id + "/events")
                .then().statusCode(201);
        ScenarioRequestEvent second = ScenarioApiTest.awaitRequest(id, 2, false);
        assertThat(second.requestedBy()).isEqualTo("dan");
    }

    @Test
    void anotherTeamsAnalystCannotChangeAScenarioAndReadsItOnlyWhenShared() {
        String id = createAs("ana", "red", "owned");
        String path = "/scenarios/" + id;

        as("bea", "blue", Roles.ANALYST).get(path).then().statusCode(403).body("parameter", equalTo("id"))
                .body("detail", containsString("belongs to team \"red\"")).body("detail", containsString("not shared"));
        as("bea", "blue", Roles.ANALYST).get(path + "/versions").then().statusCode(403);
        as("bea", "blue", Roles.ANALYST).get(path + "/status").then().statusCode(403);
        as("bea", "blue", Roles.ANALYST).get("/scenarios?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("bea", "blue", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post(path + "/events").then()
                .statusCode(403).body("detail", containsString("only an analyst of that team may append"));
        as("bea", "blue", Roles.ANALYST).delete(path).then().statusCode(403)
                .body("detail", containsString("archive"));
        as("bea", "blue", Roles.ANALYST).contentType(ContentType.JSON).body("{\"shared\": true}").put(path + "/sharing")
                .then().statusCode(403);
        // viewers and operators read every scenario; the owning team's analysts read their own
        as("vic", "blue", Roles.VIEWER).get(path).then().statusCode(200);
        as("ola", "blue", Roles.OPERATOR).get(path + "/status").then().statusCode(200);
        as("rex", "red", Roles.ANALYST).get(path).then().statusCode(200);

        as("rex", "red", Roles.ANALYST).contentType(ContentType.JSON).body("{\"shared\": true}").put(path + "/sharing")
                .then().statusCode(200).body("shared", equalTo(true));

        as("bea", "blue", Roles.ANALYST).get(path).then().statusCode(200).body("name", equalTo("owned"));
        as("bea", "blue", Roles.ANALYST).get(path + "/versions").then().statusCode(200).body("shared", equalTo(true));
        as("bea", "blue", Roles.ANALYST).get("/scenarios?limit=500").then().statusCode(200)
                .body("items.id", hasItem(id));
        // shared is read-only for other teams
        as("bea", "blue", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post(path + "/events").then()
                .statusCode(403);
        as("bea", "blue", Roles.ANALYST).delete(path).then().statusCode(403);
        as("rex", "red", Roles.ANALYST).delete(path).then().statusCode(204);
    }

    /** A blank team claim counts as none (LocalTokens always writes the claim). */
    @Test
    void aTokenWithoutATeamIsATeamOfOne() {
        String id = createAs("solo", "", "alone");
        given().get("/scenarios/" + id + "/versions").then().statusCode(200).body("ownerTeam", equalTo("solo"));
        as("solo", "", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post("/scenarios/" + id + "/events")
                .then().statusCode(201);
        as("other", "", Roles.ANALYST).contentType(ContentType.JSON).body(EVENT).post("/scenarios/" + id + "/events")
                .then().statusCode(403);
    }

    @Test
    void sharingNeedsABoolean() {
        String id = createAs("ana", "red", "sharing-body");
        as("ana", "red", Roles.ANALYST).contentType(ContentType.JSON).body("{}").put("/scenarios/" + id + "/sharing")
                .then().statusCode(400).body("detail", notNullValue());
    }
}
