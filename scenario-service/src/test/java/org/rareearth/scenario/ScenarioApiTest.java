package org.rareearth.scenario;

import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ScenarioApiTest {

    @BeforeEach
    void data() {
        TestData.ensureCatalogue();
    }

    static String create(String document) {
        return given().contentType(ContentType.JSON).body(document).post("/scenarios")
                .then().statusCode(201).extract().path("id");
    }

    static ScenarioRequestEvent awaitRequest(String id, int version, boolean archived) {
        ConsumerRecord<String, String> record = KafkaTestClient.awaitRecord(Topics.SCENARIO_REQUESTS.name(), r -> {
            if (!id.equals(r.key())) {
                return false;
            }
            ScenarioRequestEvent e = EventCodec.decode(r.value(), ScenarioRequestEvent.class);
            return e.scenarioVersion() == version && e.archived() == archived;
        });
        return EventCodec.decode(record.value(), ScenarioRequestEvent.class);
    }

    @Test
    void validScenarioIsCreatedAsVersionOneAndPublished() {
        Response created = given().contentType(ContentType.JSON).body(TestData.document("created")).post("/scenarios");
        created.then().statusCode(201).body("version", equalTo(1)).body("status", equalTo("pending"))
                .body("id", notNullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/scenarios/" + id);

        ScenarioRequestEvent event = awaitRequest(id, 1, false);
        assertThat(event.document()).contains("\"created\"").contains("TARIFF");
        assertThat(Instant.parse(event.requestedAt())).isBefore(Instant.now().plusSeconds(1));

        given().get("/scenarios/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("created")).body("version", equalTo(1))
                .body("status", equalTo("pending")).body("archived", equalTo(false))
                .body("document.baseYear", equalTo(2023)).body("document.events", hasSize(1))
                .body("document.events[0].rate", equalTo(0.25f));
        int total = given().get("/scenarios").then().statusCode(200).extract().path("total");
        // oldest first: the newest scenario is the last item
        given().queryParam("offset", total - 1).get("/scenarios").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0].name", equalTo("created"));
        given().get("/scenarios/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("pending")).body("expected", equalTo(2)).body("received", equalTo(0));
    }

    @Test
    void invalidDocumentsAreUnprocessableNamingEachField() {
        String negativeRate = """
                {"name": "bad", "baseYear": 2023, "events": [{"type": "TARIFF", "importers": ["USA"], "rate": -0.1}]}""";
        problems(negativeRate, "events[0].rate", "must be >= 0");

        String unknownCountry = """
                {"name": "bad", "baseYear": 2023, "events": [{"type": "TARIFF", "importers": ["XXX"], "rate": 0.1}]}""";
        problems(unknownCountry, "events[0].importers[0]", "unknown country \"XXX\"");

        String unknownField = """
                {"name": "bad", "baseYear": 2023, "colour": "red", "events": []}""";
        problems(unknownField, "colour", "");

        String yearWithoutData = """
                {"name": "bad", "baseYear": 1999, "events": []}""";
        problems(yearWithoutData, "baseYear", "must be a year with data (2023-2023), was 1999");

        // well-formed JSON that is no document object is invalid content too
        problems("[1, 2]", "", "must be a JSON object");

        // every problem at once
        String several = """
                {"name": "bad", "baseYear": 1999, "events": [{"type": "TARIFF", "importers": ["XXX"], "rate": -1}]}""";
        given().contentType(ContentType.JSON).body(several).post("/scenarios").then().statusCode(422)
                .body("problems.path", hasItem("baseYear"))
                .body("problems.path", hasItem("events[0].importers[0]"))
                .body("problems.path", hasItem("events[0].rate"));
    }

    @Test
    void aNulCharacterIsInvalidInputNamingItsFieldAndNothingIsStored() {
        // issue 14 item 4: "\u0000" in JSON reached PostgreSQL (invalid byte sequence) and answered 500
        int before = given().get("/scenarios").then().statusCode(200).extract().path("total");
        problems(TestData.document("\\u0000"), "name", "NUL character");
        problems(TestData.document("ok").replace("\"USA\"]", "\"USA\"], \"note\\u0000\": 1"),
                "events[0].note\\u0000", "NUL character");
        given().get("/scenarios").then().statusCode(200).body("total", equalTo(before));
        // and the service keeps serving
        create(TestData.document("after a NUL"));
    }

    @Test
    void malformedJsonAndAnEmptyBodyAreBadRequests() {
        malformed("{\"name\": ", "", "malformed JSON");
        malformed("", "", "empty document");
        malformed("{\"name\": \"a\"} trailing", "", "malformed JSON");
    }

    private static void malformed(String document, String path, String message) {
        assertProblem(given().contentType(ContentType.JSON).body(document).post("/scenarios")
                .then().statusCode(400).extract().jsonPath().getList("problems"), document, path, message);
    }

    private static void problems(String document, String path, String message) {
        assertProblem(given().contentType(ContentType.JSON).body(document).post("/scenarios")
                .then().statusCode(422).extract().jsonPath().getList("problems"), document, path, message);
    }

    private static void assertProblem(List<Map<String, String>> problems, String document, String path, String message) {
        assertThat(problems).as("problems of %s", document)
                .anySatisfy(p -> {
                    assertThat(p.get("path")).isEqualTo(path);
                    assertThat(p.get("message")).contains(message);
                });
    }

    @Test
    void appendedEventMakesVersionTwoAndIsPublished() {
        String id = create(TestData.document("append"));
        awaitRequest(id, 1, false);
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"EXPORT_TAX\", \"year\": 2024, \"exporters\": [\"CHN\"], \"rate\": 0.15}")
                .post("/scenarios/" + id + "/events")
                .then().statusCode(201).body("id", equalTo(id)).body("version", equalTo(2))
                .body("status", equalTo("pending"));
        ScenarioRequestEvent v2 = awaitRequest(id, 2, false);
        assertThat(v2.document()).contains("EXPORT_TAX").contains("TARIFF");
        given().get("/scenarios/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("document.events", hasSize(2)).body("document.events[1].type", equalTo("EXPORT_TAX"))
                .body("document.events[1].importers", equalTo(List.of("*")));
    }

    @Test
    void invalidAppendedEventIsNamedByItsPlaceInTheNewDocument() {
        String id = create(TestData.document("append-bad"));
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"TARIFF\", \"importers\": [\"USA\"], \"rate\": -0.5, \"colour\": 1}")
                .post("/scenarios/" + id + "/events")
                .then().statusCode(422)
                .body("problems.path", hasItem("events[1].rate"))
                .body("problems.path", hasItem("events[1].colour"));
        given().contentType(ContentType.JSON).body("{\"type\": ").post("/scenarios/" + id + "/events")
                .then().statusCode(400).body("problems[0].path", equalTo("events[1]"))
                .body("problems[0].message", containsString("malformed JSON"));
        given().get("/scenarios/" + id).then().body("version", equalTo(1));
    }

    @Test
    void archivedScenarioIsPublishedAsArchivedAndRejectsEvents() {
        String id = create(TestData.document("archive"));
        given().delete("/scenarios/" + id).then().statusCode(204);
        ScenarioRequestEvent archived = awaitRequest(id, 1, true);
        assertThat(archived.archived()).isTrue();
        given().get("/scenarios/" + id).then().statusCode(200).body("archived", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"USA\"}")
                .post("/scenarios/" + id + "/events")
                .then().statusCode(409).body("error", containsString("archived"));
        given().delete("/scenarios/" + id).then().statusCode(204);
    }

    @Test
    void unknownScenarioIsNotFound() {
        String id = "no-such-scenario";
        given().get("/scenarios/" + id).then().statusCode(404).body("error", containsString(id));
        given().get("/scenarios/" + id + "/status").then().statusCode(404);
        given().get("/scenarios/" + id + "/forecast").then().statusCode(404);
        given().delete("/scenarios/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"USA\"}")
                .post("/scenarios/" + id + "/events").then().statusCode(404);
    }

    @Test
    void forecastOfAPendingScenarioIsAConflictWithItsStatus() {
        String id = create(TestData.document("not-ready"));
        given().get("/scenarios/" + id + "/forecast").then().statusCode(409).body("status", equalTo("pending"));
    }
}
