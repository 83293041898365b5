package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.LocalStackResource;

/**
 * UN Comtrade exports through the REST API (multipart, ZIP, one text/csv body) on the real Kafka
 * and PostgreSQL: reconciled flows published as baselines, the reconciliation in the report, the
 * faulty rows in the problems. Fixtures: trade-data/src/test/resources/comtrade (a reconstruction derived from
 * the demo data, see its dataset.properties).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ComtradeUploadTest {

    static final Path FIXTURES = Path.of("../trade-data/src/test/resources/comtrade");
    static final String EXPORT = "comtrade_demo_2023.csv";
    static final String FAULTY = "comtrade_faulty_2022-2023.csv";

    static byte[] read(String path) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(path));
    }

    @Test
    void anExportIsReconciledPublishedAndReportedTheSameWayInEveryWrapping() throws IOException {
        byte[] export = read("demo/" + EXPORT);
        byte[] properties = read("demo/dataset.properties");
        String version = given().multiPart("file", EXPORT, export, "text/csv")
                .multiPart("file", "dataset.properties", properties, "text/plain")
                .post("/datasets").then().statusCode(201)
                .body("format", equalTo("UN Comtrade"))
                .body("years", equalTo(List.of(2023)))
                .body("products", equalTo(DatasetUploadTest.PRODUCTS))
                .body("rejectedRows", equalTo(0))
                .body("baselines", equalTo(5))
                .body("publishedBaselines", equalTo(5))
                .body("dataNotice", containsString("NOT UN Comtrade data"))
                .extract().path("version");

        // the same two files zipped: the same content, the same version
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("export/" + EXPORT, export);
        zip.put("export/dataset.properties", properties);
        given().contentType("application/zip").body(DemoZip.rawZip(zip)).post("/datasets").then().statusCode(200)
                .body("version", equalTo(version)).body("created", equalTo(false));

        // whose report each flow is: the counts DemoComtradeExportTest pins for this export
        given().get("/datasets/" + version + "/report").then().statusCode(200)
                .body("format", equalTo("UN Comtrade"))
                .body("reconciliation.fromImporter", equalTo(997))
                .body("reconciliation.fromExporter", equalTo(13))
                .body("reconciliation.mirrored", equalTo(993))
                .body("reconciliation.droppedAggregates.'W00 World'", equalTo(252))
                .body("reconciliation.droppedAggregates.'S19 Other Asia, nes'", equalTo(58))
                .body("reconciliation.flows.size()", equalTo(1010));

        List<TradeBaselineEvent> events = KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(version + ":"))
                .stream().map(r -> EventCodec.decode(r.value(), TradeBaselineEvent.class)).toList();
        assertThat(events).hasSize(5);
        assertThat(events.stream().mapToInt(e -> e.flows().size()).sum()).isEqualTo(1010);
        assertThat(events).allMatch(e -> e.dataNotice().contains("NOT UN Comtrade data") && e.tariffs().isEmpty());
    }

    @Test
    void aFaultyExportKeepsItsValidRowsAndReportsTheOthers() throws IOException {
        String version = given().contentType("text/csv").body(read("faulty/" + FAULTY))
                .post("/datasets?name=" + FAULTY).then().statusCode(201)
                .body("format", equalTo("UN Comtrade"))
                .body("rejectedRows", equalTo(8))
                .body("dataNotice", containsString("Provenance not recorded"))
                .extract().path("version");
        given().get("/datasets/" + version + "/problems").then().statusCode(200)
                .body("size()", equalTo(8))
                .body("[0].file", equalTo(FAULTY))
                .body("[0].line", equalTo(11))
                .body("[0].column", equalTo("freqCode"))
                .body("[7].line", equalTo(23))
                .body("[7].message", equalTo("malformed year \"2O23\""));
        String csv = given().accept("text/csv").get("/datasets/" + version + "/problems").then().statusCode(200)
                .extract().asString();
        assertThat(csv.split("\n")).hasSize(9).contains(FAULTY + ",18,primaryValue,\"malformed number \"\"12O000\"\"\"");
    }

    @Test
    void anHtmlPageSavedAsCsvIsRefused() throws IOException {
        given().contentType("text/csv").body(read("html/comtrade_2023.csv")).post("/datasets?name=comtrade_2023.csv")
                .then().statusCode(422)
                .body("reason", equalTo("NOT_THE_FORMAT"))
                .body("error", containsString("comtrade_2023.csv: not a CSV file, it looks like an HTML"));
    }
}
