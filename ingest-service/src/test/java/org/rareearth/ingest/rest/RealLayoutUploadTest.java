package org.rareearth.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.LocalStackResource;

/**
 * BACI files as CEPII ships them, through every way in: the ZIP archive, the same files as plain
 * CSV in one multipart upload, asynchronously with progress; limits and files that are not what
 * they claim. Real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RealLayoutUploadTest {

    static final int OTHER_ROWS = 500;
    static final long DEMO_ROWS = DatasetUploadTest.DEMO_ROWS;
    static final List<String> RARE_EARTHS = DatasetUploadTest.PRODUCTS;

    static DemoZip release(String notice) {
        return DemoZip.cepiiRelease(OTHER_ROWS).withNotice(notice);
    }

    @Test
    void theCepiiArchiveAndTheSameFilesAsPlainCsvGiveOneVersion() {
        DemoZip release = release("RealLayoutUploadTest cepii");
        String version = given().contentType("application/zip").body(release.zip()).post("/datasets")
                .then().statusCode(201)
                .body("format", equalTo("BACI"))
                .body("products", equalTo(RARE_EARTHS))
                .body("acceptedRows", equalTo((int) DEMO_ROWS))
                .body("skippedRows", equalTo(7 * OTHER_ROWS))
                .body("rowsRead", equalTo((int) DEMO_ROWS + 7 * OTHER_ROWS))
                .body("rejectedRows", equalTo(0))
                .body("baselines", equalTo(35))
                .body("publishedBaselines", equalTo(35))
                .extract().path("version");

        // the same files, not zipped, in one multipart form: the same content, the same version, nothing new
        RequestSpecification form = given();
        for (String name : release.names()) {
            form = form.multiPart("file", name, release.bytes(name), "text/csv");
        }
        form.post("/datasets").then().statusCode(200)
                .body("version", equalTo(version))
                .body("created", equalTo(false));

        given().get("/datasets/" + version + "/report").then().statusCode(200)
                .body("format", equalTo("BACI"))
                .body("productFilter", equalTo(String.join(",", RARE_EARTHS)))
                .body("rows.read", equalTo((int) DEMO_ROWS + 7 * OTHER_ROWS))
                .body("rows.skipped", equalTo(7 * OTHER_ROWS))
                .body("problems", equalTo(0))
                .body("reconciliation", equalTo(null));
    }

    @Test
    void rejectedRowsAreReportedLineByLineAndDownloadableAsCsv() {
        DemoZip faulty = release("RealLayoutUploadTest faulty")
                .replaceLine("BACI_HS17_Y2023_V202401b.csv", 3, "2023,36,458,253090,-5.000,1.000")
                .replaceLine("BACI_HS17_Y2023_V202401b.csv", 4, "2023,999,458,253090,12.000,1.000")
                .replaceLine("BACI_HS17_Y2023_V202401b.csv", 5, "2023,36,458");
        String version = given().contentType("application/zip").body(faulty.zip()).post("/datasets")
                .then().statusCode(201).body("rejectedRows", equalTo(3)).extract().path("version");
        String csv = given().accept("text/csv").get("/datasets/" + version + "/problems")
                .then().statusCode(200).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertThat(csv.split("\n")).containsExactly(
                "file,line,column,reason",
                "BACI_HS17_Y2023_V202401b.csv,3,v,negative value -5.000",
                "BACI_HS17_Y2023_V202401b.csv,4,i,unknown exporter code 999 (not in country_codes_V202401b.csv)",
                "BACI_HS17_Y2023_V202401b.csv,5,,\"expected 6 columns (t,i,j,k,v,q), found 3\"");
    }

    @Test
    void anAsynchronousUploadReportsItsProgressUntilDone() {
        byte[] zip = release("RealLayoutUploadTest async").zip();
        String location = given().contentType("application/zip").header("Prefer", "respond-async").body(zip)
                .post("/datasets").then().statusCode(202)
                .header("Preference-Applied", equalTo("respond-async"))
                .header("Location", containsString("/ingests/"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "DONE".equals(given().get("/ingests/" + id).path("state")));
        given().get("/ingests/" + id).then().statusCode(200)
                .body("rowsRead", equalTo((int) DEMO_ROWS + 7 * OTHER_ROWS))
                .body("rowsAccepted", equalTo((int) DEMO_ROWS))
                .body("rowsRejected", equalTo(0))
                .body("rowsSkipped", equalTo(7 * OTHER_ROWS))
                .body("bytesRead", equalTo(given().get("/ingests/" + id).<Integer>path("bytesTotal")))
                .body("version", startsWith("sha256:"))
                .body("created", equalTo(true))
                .body("etaSeconds", equalTo(null));
        given().get("/ingests").then().statusCode(200).body("findAll { it.id == '" + id + "' }.size()", equalTo(1));
        // finished: too late to cancel
        given().delete("/ingests/" + id).then().statusCode(409).body("error", containsString("DONE"));
        given().get("/ingests/no-such-ingest").then().statusCode(404);
    }

    @Test
    void filesThatAreNotWhatTheyClaimAreRefusedSayingWhatTheyAre() {
        given().contentType("text/csv").body("<!DOCTYPE html><html><body>Service unavailable</body></html>")
                .post("/datasets?name=export.csv").then().statusCode(422)
                .body("reason", equalTo("NOT_THE_FORMAT"))
                .body("error", containsString("export.csv: not a CSV file, it looks like an HTML"));
        Map<String, byte[]> xlsx = new LinkedHashMap<>();
        xlsx.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        xlsx.put("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8));
        given().contentType("application/zip").body(DemoZip.rawZip(xlsx)).post("/datasets").then().statusCode(422)
                .body("reason", equalTo("NOT_THE_FORMAT")).body("error", containsString(".xlsx"));
        given().multiPart("file", "BACI_HS17_Y2023_V202401b.csv", new byte[0], "text/csv")
                .multiPart("file", "country_codes_V202401b.csv", DemoZip.demo().bytes("country_codes.csv"), "text/csv")
                .multiPart("file", "product_codes_HS17_V202401b.csv", DemoZip.demo().bytes("product_codes.csv"), "text/csv")
                .post("/datasets").then().statusCode(422)
                .body("reason", equalTo("NOT_THE_FORMAT"))
                .body("error", containsString("BACI_HS17_Y2023_V202401b.csv: the file is empty"));
        given().contentType("text/csv").body("t,i,j,k,v,q\n2023,36,458,253090,1.0,1.0\n")
                .post("/datasets?name=BACI_HS17_Y2023_V202401b.csv").then().statusCode(422)
                .body("reason", equalTo("NOT_A_DATASET"))
                .body("error", containsString("needs its tables"));
    }

    /** The id of the one ingest that is receiving its upload, once there is one. */
    static String awaitReceiving() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/ingests").<List<String>>path("findAll { it.state == 'RECEIVING' }.id"),
                        ids -> ids.size() == 1).get(0);
    }

    @Test
    void anUploadBrokenOffMidWayStoresNothingAndTheJobSaysSo() throws Exception {
        byte[] zip = release("RealLayoutUploadTest broken upload").zip();
        int before = given().get("/datasets").path("size()");
        // announce the whole archive, send a third of it, then hang up once the service is receiving it
        String id;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/zip\r\n"
                    + "Authorization: Bearer " + LocalStackResource.allRolesToken() + "\r\n"
                    + "Content-Length: " + zip.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(zip, 0, zip.length / 3);
            out.flush();
            id = awaitReceiving();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "FAILED".equals(given().get("/ingests/" + id).path("state")));
        given().get("/ingests/" + id).then().body("reason", equalTo("IO"))
                .body("error", containsString("not received completely"));
        given().get("/datasets").then().body("size()", equalTo(before));
        // the whole archive afterwards is a normal, new data set
        given().contentType("application/zip").body(zip).post("/datasets").then().statusCode(201);
    }

    @Test
    void anIngestCancelledWhileItsUploadIsReceivedStoresNothing() throws Exception {
        byte[] zip = release("RealLayoutUploadTest cancelled").zip();
        int before = given().get("/datasets").path("size()");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/zip\r\n"
                    + "Authorization: Bearer " + LocalStackResource.allRolesToken() + "\r\n"
                    + "Content-Length: " + zip.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(zip, 0, zip.length / 2);
            out.flush();
            // the half-received upload is a RECEIVING ingest: cancel it
            String id = awaitReceiving();
            given().delete("/ingests/" + id).then().statusCode(202);
            out.write(zip, zip.length / 2, zip.length - zip.length / 2);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 409").contains("\"reason\":\"CANCELLED\"");
            given().get("/ingests/" + id).then().body("state", equalTo("CANCELLED"));
        }
        given().get("/datasets").then().body("size()", equalTo(before));
    }

    @Test
    void moreRowsThanConfiguredAnswer422AndStoreNothing() {
        // %test.rareearth.ingest.max-rows=20000; other-product rows count too (they are read)
        DemoZip big = DemoZip.cepiiRelease(3_000).withNotice("RealLayoutUploadTest too many rows");
        int before = given().get("/datasets").path("size()");
        given().contentType("application/zip").body(big.zip()).post("/datasets").then().statusCode(422)
                .body("reason", equalTo("TOO_MANY_ROWS"))
                .body("error", containsString("rareearth.ingest.max-rows"));
        given().get("/datasets").then().body("size()", equalTo(before));
    }
}
