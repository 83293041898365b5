package org.rareearth.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.stack.LocalStackResource;

/** GET /scenarios answers one bounded page at a time (issue 14, item 3: it returned 19 MB). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ScenarioListTest {

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    @Test
    void pagesFollowEachOtherThroughNextUntilEveryScenarioWasListedOnce() {
        List<String> created = List.of(ScenarioApiTest.create(TestData.document("page-a")),
                ScenarioApiTest.create(TestData.document("page-b")), ScenarioApiTest.create(TestData.document("page-c")));

        JsonPath first = given().queryParam("limit", 2).get("/scenarios").then().statusCode(200).extract().jsonPath();
        long total = first.getLong("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getInt("offset")).isZero();
        assertThat(first.getInt("limit")).isEqualTo(2);
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getString("next")).isEqualTo("/scenarios?offset=2&limit=2");

        List<String> ids = new ArrayList<>(first.getList("items.id", String.class));
        String next = first.getString("next");
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            next = page.getString("next");
        }
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates();
        // oldest first: the three just created end the list, in order
        assertThat(ids.subList(ids.size() - 3, ids.size())).isEqualTo(created);

        given().queryParam("offset", total - 1).get("/scenarios").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(2)))).body("items[0].name", equalTo("page-c"))
                .body("items[0].version", equalTo(1)).body("items[0].status", equalTo("pending"))
                .body("items[0].archived", equalTo(false)).body("limit", equalTo(100)).body("next", nullValue());
        given().queryParam("offset", total + 10).get("/scenarios").then().statusCode(200)
                .body("items", equalTo(List.of())).body("next", nullValue());
    }

    @Test
    void aPageOutOfRangeIsABadRequestNamingTheParameter() {
        given().queryParam("offset", -1).get("/scenarios").then().statusCode(400)
                .body("error", equalTo("offset must be >= 0, was -1"));
        given().queryParam("limit", 0).get("/scenarios").then().statusCode(400)
                .body("error", equalTo("limit must be 1..500, was 0"));
        given().queryParam("limit", 501).get("/scenarios").then().statusCode(400)
                .body("error", containsString("limit must be 1..500"));
        given().queryParam("limit", "ten").get("/scenarios").then().statusCode(400)
                .body("error", equalTo("limit must be a whole number, was \"ten\""));
        given().queryParam("limit", 500).get("/scenarios").then().statusCode(200).body("limit", equalTo(500));
    }
}
