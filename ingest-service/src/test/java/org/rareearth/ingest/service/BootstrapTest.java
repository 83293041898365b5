package org.rareearth.ingest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.core.PreparedDataset;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.source.ZipSource;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.LocalStackResource;

/** rareearth.ingest.bootstrap-dir is ingested at start-up, once: each data set in it. */
@QuarkusTest
@TestProfile(BootstrapProfile.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class BootstrapTest {

    @Inject
    DatasetIngestion ingestion;

    @Inject
    IngestConfig config;

    /** The version the service gives a source: its content read with the configured product filter. */
    String versionOf(DataSource source) throws IOException {
        try (source) {
            return PreparedDataset.read(source, config.readOptions(new IngestProgress())).version();
        }
    }

    @Test
    void aReleaseArchiveInTheBootstrapDirectoryIsIngestedToo() throws IOException {
        String version = versionOf(ZipSource.open(BootstrapProfile.RELEASE, config.archiveLimits(), "test"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/datasets/" + version).statusCode() == 200);
        given().get("/datasets/" + version).then().statusCode(200)
                .body("source", equalTo("bootstrap:" + BootstrapProfile.RELEASE))
                .body("format", equalTo("BACI"))
                .body("dataNotice", equalTo(BootstrapProfile.RELEASE_NOTICE))
                .body("skippedRows", equalTo(7 * 100))
                .body("baselines", equalTo(35));
    }

    @Test
    void aComtradeExportInTheBootstrapDirectoryIsIngestedToo() throws IOException {
        String version = versionOf(new DirectorySource(BootstrapProfile.COMTRADE, "test"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/datasets/" + version).statusCode() == 200);
        given().get("/datasets/" + version).then().statusCode(200)
                .body("source", equalTo("bootstrap:" + BootstrapProfile.COMTRADE))
                .body("format", equalTo("UN Comtrade"))
                .body("dataNotice", equalTo(BootstrapProfile.COMTRADE_NOTICE))
                .body("rejectedRows", equalTo(0))
                .body("baselines", equalTo(5));
        given().get("/datasets/" + version + "/report").then().body("reconciliation.fromExporter", equalTo(13));
    }

    @Test
    void theBootstrapDirectoryIsIngestedAtStartUp() throws IOException {
        String version = versionOf(new DirectorySource(BootstrapProfile.DIR, "test"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/datasets/" + version).statusCode() == 200);
        given().get("/datasets/" + version).then().statusCode(200)
                .body("source", equalTo("bootstrap:" + BootstrapProfile.DIR))
                .body("dataNotice", equalTo(BootstrapProfile.NOTICE))
                .body("baselines", equalTo(35))
                .body("rejectedRows", equalTo(0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/datasets/" + version).<Integer>path("publishedBaselines") == 35);

        List<TradeBaselineEvent> events = KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(version + ":"))
                .stream().map(r -> EventCodec.decode(r.value(), TradeBaselineEvent.class)).toList();
        assertThat(events).hasSize(35).allMatch(e -> e.dataNotice().equals(BootstrapProfile.NOTICE));

        // the same directory again (a restart): recognised by its content, nothing created or re-sent
        IngestResult again = ingestion.ingestDirectory(BootstrapProfile.DIR);
        assertThat(again.created()).isFalse();
        assertThat(again.published().pending()).isZero();
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(version + ":"))).hasSize(35);
        given().get("/datasets").then().body("findAll { it.version == '" + version + "' }.size()", equalTo(1))
                .body("[0].version", startsWith("sha256:"));
    }
}
