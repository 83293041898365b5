package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

/**
 * Issue 14, item 1: one upload can no longer replace every forecast's basis. A data set without a
 * usable row is refused; one that lacks products or years of the current version is stored
 * without becoming current and says why; an operator chooses the current version, and activating
 * one republishes its baselines and the pointer on dataset.current. Test classes share one
 * service, so each step reads the state it starts from.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CurrentDatasetTest {

    /**
     * The demo data under a notice of this test's own (other content than the demo upload other
     * test classes expect to be new), made current.
     */
    private static byte[] full() {
        return DemoZip.demo().withNotice("Reconstruction (demo data) uploaded by CurrentDatasetTest").zip();
    }

    private static String demoCurrent() {
        String demo = given().contentType("application/zip").body(full()).post("/datasets")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("version");
        given().contentType(ContentType.JSON).body("{\"version\":\"" + demo + "\"}").put("/datasets/current")
                .then().statusCode(200).body("version", equalTo(demo));
        return demo;
    }

    private static CurrentDatasetEvent lastPointer() {
        List<CurrentDatasetEvent> pointers = KafkaTestClient.readAll(Topics.DATASET_CURRENT.name(), r -> true).stream()
                .map(r -> EventCodec.decode(r.value(), CurrentDatasetEvent.class)).toList();
        assertThat(pointers).as("pointers on dataset.current").isNotEmpty();
        return pointers.get(pointers.size() - 1);
    }

    @Test
    void aDataSetWithoutOneUsableRowIsRefusedAndTheCurrentVersionStays() {
        String demo = demoCurrent();
        int stored = given().get("/datasets").then().statusCode(200).extract().path("size()");
        // the year file holds only product 999999: every row is skipped by the product filter
        byte[] onlyOtherProducts = DemoZip.demo().without("BACI_HS17_Y2017_RE.csv").without("BACI_HS17_Y2018_RE.csv")
                .without("BACI_HS17_Y2019_RE.csv").without("BACI_HS17_Y2020_RE.csv").without("BACI_HS17_Y2021_RE.csv")
                .without("BACI_HS17_Y2022_RE.csv")
                .with("BACI_HS17_Y2023_RE.csv", "t,i,j,k,v,q\n2023,156,842,999999,10.0,1.0\n2023,842,156,999999,5.0,\n")
                .zip();
        given().contentType("application/zip").body(onlyOtherProducts).post("/datasets").then().statusCode(422)
                .body("reason", equalTo("NO_USABLE_ROWS"))
                .body("error", containsString("0 accepted"))
                .body("error", containsString("nothing is stored"));
        given().get("/datasets").then().statusCode(200).body("size()", equalTo(stored));
        given().get("/datasets/current").then().statusCode(200).body("version", equalTo(demo));
    }

    @Test
    void aPartialDataSetIsStoredButOnlyAnOperatorMakesItCurrentAndTheOldVersionCanComeBack() {
        String demo = demoCurrent();
        long demoPointer = lastPointer().sequence();
        assertThat(lastPointer().datasetVersion()).isEqualTo(demo);

        // the demo data of 2023 alone: all five products, but only 2023 of the demo's 2017..2023
        DemoZip oneYear = DemoZip.demo().withNotice("Reconstruction (demo data, 2023 only) uploaded by CurrentDatasetTest");
        for (int year = 2017; year <= 2022; year++) {
            oneYear = oneYear.without("BACI_HS17_Y" + year + "_RE.csv");
        }
        String partial = given().contentType("application/zip").body(oneYear.zip()).post("/datasets")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .body("current", equalTo(false))
                .body("currentVersion", equalTo(demo))
                .body("notCurrentReason", containsString("lacks years 2017, 2018, 2019, 2020, 2021, 2022"))
                .body("notCurrentReason", containsString("PUT /datasets/current"))
                .extract().path("version");
        given().get("/datasets/current").then().statusCode(200).body("version", equalTo(demo));
        given().get("/datasets/" + partial).then().statusCode(200).body("current", equalTo(false));
        assertThat(lastPointer().datasetVersion()).as("no pointer for a version that did not become current")
                .isEqualTo(demo);

        int sentBefore = KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(partial + ":")).size();
        given().contentType(ContentType.JSON).body("{\"version\":\"" + partial + "\"}").put("/datasets/current")
                .then().statusCode(200).body("version", equalTo(partial)).body("reason", equalTo("operator"))
                .body("published", equalTo(true)).body("years", equalTo(List.of(2023)));
        CurrentDatasetEvent pointer = lastPointer();
        assertThat(pointer.datasetVersion()).isEqualTo(partial);
        assertThat(pointer.sequence()).isGreaterThan(demoPointer);
        assertThat(pointer.datasetYears()).containsExactly(2023);
        // activating republishes the version: its five baselines are on the topic once more
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(partial + ":")))
                .hasSize(sentBefore + 5);
        given().get("/datasets/" + partial).then().statusCode(200).body("current", equalTo(true));

        // back to the demo data: the same content again makes it current again, being a superset
        given().contentType("application/zip").body(full()).post("/datasets").then().statusCode(200)
                .body("created", equalTo(false)).body("current", equalTo(true)).body("currentVersion", equalTo(demo));
        assertThat(lastPointer().datasetVersion()).isEqualTo(demo);
        assertThat(lastPointer().sequence()).isGreaterThan(pointer.sequence());
    }

    @Test
    void choosingAnUnknownVersionOrNoneIsRefusedWithAMessage() {
        given().contentType(ContentType.JSON).body("{\"version\":\"sha256:" + "0".repeat(64) + "\"}")
                .put("/datasets/current").then().statusCode(404).body("error", containsString("no data set with version"));
        given().contentType(ContentType.JSON).body("{}").put("/datasets/current").then().statusCode(400)
                .body("error", containsString("version"));
    }
}
