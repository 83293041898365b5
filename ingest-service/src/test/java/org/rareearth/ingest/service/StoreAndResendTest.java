package org.rareearth.ingest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.ingest.core.PreparedDataset;
import org.rareearth.ingest.messaging.PublishOutcome;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.LocalStackResource;

/** The store is all-or-nothing, and baselines stored but never acknowledged are re-sent once. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class StoreAndResendTest {

    @Inject
    DatasetStore store;

    @Inject
    DatasetIngestion ingestion;

    static PreparedDataset prepare(String notice) throws IOException {
        Path dir = Files.createTempDirectory("ingest-store-test-");
        return PreparedDataset.read(DemoZip.demo().withNotice(notice).writeTo(dir));
    }

    @Test
    void aFailureWhileStoringLeavesNoHalfDataSet() throws IOException {
        PreparedDataset good = prepare("StoreAndResendTest failing store");
        // the last baseline twice: its primary key collides at the end of the transaction
        List<TradeBaselineEvent> events = new ArrayList<>(good.events());
        events.add(events.get(events.size() - 1));
        PreparedDataset broken = new PreparedDataset(good.version(), good.format(), good.productFilter(),
                good.dataNotice(), good.noticeRecorded(), good.years(), good.products(), good.countries(), good.rows(),
                good.problems(), events, good.reconciliation());
        assertThatThrownBy(() -> store.storeIfAbsent(broken, "test", Instant.now())).isInstanceOf(RuntimeException.class);
        assertThat(store.find(good.version())).isEmpty();
        assertThat(store.unpublished(good.version())).isEmpty();
        given().get("/datasets/" + good.version()).then().statusCode(404);
    }

    @Test
    void storedButUnacknowledgedBaselinesAreResentAndMarked() throws IOException {
        PreparedDataset data = prepare("StoreAndResendTest resend");
        // as if the broker had been down: stored, nothing published
        assertThat(store.storeIfAbsent(data, "test", Instant.now())).isTrue();
        assertThat(store.storeIfAbsent(data, "test", Instant.now())).isFalse();
        assertThat(store.unpublished(data.version())).hasSize(35);
        given().get("/datasets/" + data.version()).then().statusCode(200)
                .body("baselines", equalTo(35)).body("publishedBaselines", equalTo(0));

        List<PublishOutcome> outcomes = ingestion.resendUnpublished();
        assertThat(outcomes).anySatisfy(o -> {
            assertThat(o.version()).isEqualTo(data.version());
            assertThat(o.complete()).isTrue();
            assertThat(o.acknowledged()).isEqualTo(35);
        });
        assertThat(store.unpublished(data.version())).isEmpty();
        given().get("/datasets/" + data.version()).then().body("publishedBaselines", equalTo(35));
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(data.version() + ":"))).hasSize(35);

        // a second round finds nothing to send
        assertThat(ingestion.resendUnpublished()).noneMatch(o -> o.version().equals(data.version()));
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.name(), r -> r.key().startsWith(data.version() + ":"))).hasSize(35);
    }
}
