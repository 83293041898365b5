package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.auth.Roles;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.LocalStackResource;

/** POST /datasets with the demo data and changed copies of it, against the real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class DatasetUploadTest {

    static final List<Integer> YEARS = List.of(2017, 2018, 2019, 2020, 2021, 2022, 2023);
    static final List<String> PRODUCTS = List.of("253090", "280530", "284610", "284690", "850511");
    /** Data rows of the demo year files (DemoDataTest). */
    static final long DEMO_ROWS = 1058 + 1061 + 1062 + 1065 + 1065 + 1067 + 1068;

    static Response upload(byte[] zip) {
        return given().contentType("application/zip").body(zip).when().post("/datasets");
    }

    static List<TradeBaselineEvent> baselines(String version) {
        return KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(version + ":")).stream()
                .map(r -> {
                    TradeBaselineEvent e = EventCodec.decode(r.value(), TradeBaselineEvent.class);
                    assertThat(r.key()).isEqualTo(e.key());
                    return e;
                }).toList();
    }

    @Test
    void demoDataIsStoredAndPublishedOnceAsOneBaselinePerYearAndProduct() {
        byte[] zip = DemoZip.demo().zip();
        String version = upload(zip).then().statusCode(201)
                .header("Location", containsString("/datasets/sha256:"))
                .body("created", equalTo(true))
                .body("version", startsWith("sha256:"))
                .body("years", equalTo(YEARS))
                .body("products", equalTo(PRODUCTS))
                .body("acceptedRows", equalTo((int) DEMO_ROWS))
                .body("rejectedRows", equalTo(0))
                .body("baselines", equalTo(35))
                .body("publishedBaselines", equalTo(35))
                .body("dataNotice", containsString("NOT official CEPII BACI data"))
                .extract().path("version");
        assertThat(version).matches("sha256:[0-9a-f]{64}");

        // 7 years x 5 products, each with its key, readable by a plain consumer
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(),
                r -> r.key().startsWith(version + ":"));
        Set<String> expectedKeys = new TreeSet<>();
        YEARS.forEach(y -> PRODUCTS.forEach(p -> expectedKeys.add(TradeBaselineEvent.key(version, y, p))));
        assertThat(records).hasSize(35);
        assertThat(records.stream().map(ConsumerRecord::key).toList()).containsExactlyInAnyOrderElementsOf(expectedKeys);

        List<TradeBaselineEvent> events = baselines(version);
        for (TradeBaselineEvent e : events) {
            assertThat(e.datasetYears()).isEqualTo(YEARS);
            assertThat(e.datasetProducts()).isEqualTo(PRODUCTS);
            assertThat(e.dataNotice()).startsWith("Reconstructed demo data in BACI layout");
        }
        // BACI_HS17_Y2023_RE.csv line 3: 2023,36,458,253090,95122.320,40136.000 (AUS -> MYS)
        TradeBaselineEvent concentrate2023 = event(events, 2023, "253090");
        TradeBaselineEvent.Flow ausMys = concentrate2023.flows().stream()
                .filter(f -> f.exporter().equals("AUS") && f.importer().equals("MYS")).findFirst().orElseThrow();
        assertThat(ausMys.value()).isEqualTo(95122.320);
        assertThat(ausMys.quantity()).isEqualTo(40136.0);
        // tariffs.csv: USA MFN 2.1% on every exporter's 850511 in 2023 (Section 301 row adds 0)
        TradeBaselineEvent magnets2023 = event(events, 2023, "850511");
        assertThat(magnets2023.tariff("CHN", "USA")).isCloseTo(0.021, within(1e-12));
        assertThat(magnets2023.tariffs()).allMatch(t -> t.rate() > 0)
                .anyMatch(t -> t.importer().equals("USA") && t.exporter().equals("CHN"));
        // every flow of the year file is in exactly one baseline
        assertThat(events.stream().filter(e -> e.year() == 2023).mapToInt(e -> e.flows().size()).sum()).isEqualTo(1068);

        // the same content again, even packed differently: same version, nothing created, nothing re-sent
        upload(DemoZip.demo().inFolder("rare-earth-demo").zip()).then().statusCode(200)
                .body("created", equalTo(false))
                .body("version", equalTo(version))
                .body("acceptedRows", equalTo((int) DEMO_ROWS));
        upload(zip).then().statusCode(200).body("created", equalTo(false)).body("version", equalTo(version));
        given().get("/datasets").then().statusCode(200)
                .body("findAll { it.version == '" + version + "' }", hasSize(1));
        given().get("/datasets/" + version).then().statusCode(200)
                .body("baselines", equalTo(35)).body("publishedBaselines", equalTo(35))
                .body("source", equalTo("upload"));
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(version + ":"))).hasSize(35);
        // the version also answers without its prefix
        given().get("/datasets/" + version.substring("sha256:".length())).then().statusCode(200)
                .body("version", equalTo(version));
        given().get("/datasets/" + version + "/problems").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aFaultyRowIsListedWithFileLineAndColumnAndTheValidRowsAreKept() {
        // line 5 of the 2023 file is MMR -> CHN 253090; make its value unreadable
        DemoZip data = DemoZip.demo().withNotice("DatasetUploadTest faulty row");
        assertThat(data.text("BACI_HS17_Y2023_RE.csv").split("\n")[4]).isEqualTo("2023,104,156,253090,1498260.000,72043.100");
        data.replaceLine("BACI_HS17_Y2023_RE.csv", 5, "2023,104,156,253090,abc,72043.100");
        String version = upload(data.zip()).then().statusCode(201)
                .body("created", equalTo(true))
                .body("rejectedRows", equalTo(1))
                .body("acceptedRows", equalTo((int) DEMO_ROWS - 1))
                .body("dataNotice", equalTo("DatasetUploadTest faulty row"))
                .extract().path("version");

        given().get("/datasets/" + version + "/problems").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].file", equalTo("BACI_HS17_Y2023_RE.csv"))
                .body("[0].line", equalTo(5))
                .body("[0].column", equalTo("v"))
                .body("[0].message", containsString("malformed number \"abc\""));
        given().get("/datasets/" + version).then().statusCode(200).body("rejectedRows", equalTo(1));

        TradeBaselineEvent concentrate2023 = event(baselines(version), 2023, "253090");
        assertThat(concentrate2023.flows()).noneMatch(f -> f.exporter().equals("MMR") && f.importer().equals("CHN"));
        assertThat(concentrate2023.flows()).anyMatch(f -> f.exporter().equals("AUS") && f.importer().equals("MYS"));
    }

    /** Audit trail (issue 10): the operator whose upload stored a version, in GET /datasets and /datasets/{version}. */
    @Test
    void theUploadRecordsTheOperatorWhoMadeIt() {
        byte[] zip = DemoZip.demo().withNotice("DatasetUploadTest operator").zip();
        String version = given().header("Authorization", "Bearer " + LocalStackResource.tokens()
                        .token("olga", "data-team", List.of(Roles.OPERATOR)))
                .contentType("application/zip").body(zip).post("/datasets").then().statusCode(201)
                .extract().path("version");

        given().get("/datasets/" + version).then().statusCode(200).body("uploadedBy", equalTo("olga"));
        given().get("/datasets").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.uploadedBy", equalTo("olga"));
        // the same content again stores nothing: the version keeps its first uploader
        upload(zip).then().statusCode(200).body("created", equalTo(false));
        given().get("/datasets/" + version).then().statusCode(200).body("uploadedBy", equalTo("olga"));
    }

    @Test
    void anUploadWithoutNoticeSaysItsProvenanceIsNotRecorded() {
        DemoZip data = DemoZip.demo().without("dataset.properties")
                .replaceLine("BACI_HS17_Y2017_RE.csv", 2, "2017,36,156,253090,801.000,100.000");
        String version = upload(data.zip()).then().statusCode(201)
                .body("dataNotice", startsWith("Provenance not recorded")).extract().path("version");
        assertThat(baselines(version)).hasSize(35).allMatch(e -> e.dataNotice().startsWith("Provenance not recorded"));
    }

    @Test
    void notAZipIsRefusedWithAMessage() {
        int before = given().get("/datasets").then().extract().path("size()");
        upload("year,value\n2023,1\n".getBytes()).then().statusCode(422)
                .body("error", containsString("not a ZIP archive"));
        given().contentType("application/zip").body(new byte[0]).post("/datasets").then().statusCode(400)
                .body("error", containsString("empty")).body("error", containsString("ZIP"));
        // a damaged archive: the signature, then garbage
        byte[] damaged = DemoZip.demo().zip();
        byte[] truncated = java.util.Arrays.copyOf(damaged, 200);
        upload(truncated).then().statusCode(422).body("error", containsString("ZIP"));
        given().contentType("text/plain").body("hello").post("/datasets").then().statusCode(415)
                .body("error", containsString("application/zip"));
        given().get("/datasets").then().body("size()", equalTo(before));
    }

    @Test
    void anArchiveWithoutAMandatoryFileNamesIt() {
        upload(DemoZip.demo().without("country_codes.csv").zip()).then().statusCode(422)
                .body("error", equalTo("country_codes.csv: mandatory file is missing"));
        upload(DemoZip.demo().without("product_codes.csv").zip()).then().statusCode(422)
                .body("error", containsString("product_codes.csv"));
        DemoZip noYears = DemoZip.demo();
        YEARS.forEach(y -> noYears.without("BACI_HS17_Y" + y + "_RE.csv"));
        upload(noYears.zip()).then().statusCode(422).body("error", containsString("no year file"));
        upload(DemoZip.demo().with("country_codes.csv", "code,name\n1,x\n").zip()).then().statusCode(422)
                .body("error", containsString("country_codes.csv: header has no column country_code"));
        upload(DemoZip.rawZip(java.util.Map.of())).then().statusCode(422).body("error", containsString("no files"));
    }

    @Test
    void uploadsOverTheLimitAnswer413WithAMessage() {
        // %test.rareearth.ingest.max-upload-bytes=1000000
        byte[] big = new byte[1_200_000];
        new java.util.Random(7).nextBytes(big);
        upload(big).then().statusCode(413).body("error", containsString("rareearth.ingest.max-upload-bytes"));
        // a small archive that unpacks beyond %test.rareearth.ingest.max-unpacked-bytes=5000000
        // (a valid data set whose dataset.properties is 6 MB of comment: read, and counted while read)
        byte[] bomb = DemoZip.demo().with("dataset.properties", "notice=bomb\n#" + "x".repeat(6_000_000) + "\n").zip();
        assertThat(bomb.length).as("well under the 1 MB upload limit").isLessThan(200_000);
        upload(bomb).then().statusCode(413).body("error", containsString("unpacks to more than"));
    }

    @Test
    void entriesOutsideTheArchiveDirectoryAreRefused() {
        upload(DemoZip.rawZip(java.util.Map.of("../evil.csv", "x".getBytes()))).then().statusCode(422)
                .body("error", containsString("unsafe entry name \"../evil.csv\""));
        upload(DemoZip.rawZip(java.util.Map.of("/etc/evil.csv", "x".getBytes()))).then().statusCode(422)
                .body("error", containsString("absolute"));
    }

    @Test
    void unknownVersionsAnswer404() {
        given().get("/datasets/sha256:" + "0".repeat(64)).then().statusCode(404).body("error", containsString("no data set"));
        given().get("/datasets/nope/problems").then().statusCode(404).body("error", containsString("sha256:nope"));
    }

    static TradeBaselineEvent event(List<TradeBaselineEvent> events, int year, String product) {
        return events.stream().filter(e -> e.year() == year && e.product().equals(product)).findFirst().orElseThrow();
    }
}
