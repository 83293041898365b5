package org.rareearth.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.DatabaseOutage;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.stack.LocalStackResource;

/**
 * service-kit's inbound discipline in scenario-service, on the real broker and database: a
 * tombstone of the compacted trade.baseline is skipped, and a database outage is retried instead of
 * sending the valid message to the dead-letter topic (both went to trade.baseline.dlq before).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class InboundDisciplineTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aTombstoneOnTradeBaselineIsSkippedNotDeadLettered() {
        String key = "tombstone-" + UUID.randomUUID() + ":2023:850511";
        double tombstones = count("inbound.messages", "outcome", "tombstone");
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), key, (String) null);

        await().atMost(KafkaTestClient.DEADLINE).until(() -> count("inbound.messages", "outcome", "tombstone") > tombstones);
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.dlq(), r -> key.equals(r.key())))
                .as("dead-lettered records of the key").isEmpty();
    }

    @Test
    void aDatabaseOutageIsRetriedAndTheValidMessageIsNotDeadLettered() {
        TestData.ensureCatalogue();
        // the test data set's baseline again: handling it reads the database (and finds a duplicate);
        // a new data set would become the newest one and change what the other tests' scenarios follow
        TradeBaselineEvent baseline = TestData.baseline();
        int deadBefore = KafkaTestClient.readAll(Topics.TRADE_BASELINE.dlq(), r -> baseline.key().equals(r.key())).size();
        double retries = count("inbound.retries");
        double handled = count("inbound.messages", "outcome", "handled");
        double deadLettered = count("inbound.messages", "outcome", "dead-lettered");
        try (DatabaseOutage outage = LocalStackResource.stack().stopDatabase()) {
            KafkaTestClient.send(Topics.TRADE_BASELINE, baseline.key(), baseline);
            await().atMost(KafkaTestClient.DEADLINE).until(() -> count("inbound.retries") > retries);
        }
        await().atMost(KafkaTestClient.DEADLINE).until(() -> count("inbound.messages", "outcome", "handled") > handled);
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.dlq(), r -> baseline.key().equals(r.key())))
                .as("dead-lettered records of the key").hasSize(deadBefore);
        assertThat(count("inbound.messages", "outcome", "dead-lettered")).as("nothing dead-lettered meanwhile")
                .isEqualTo(deadLettered);
    }

    private double count(String name, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "topic";
        all[1] = Topics.TRADE_BASELINE.name();
        System.arraycopy(tags, 0, all, 2, tags.length);
        return registry.find(name).tags(all).counters().stream().mapToDouble(Counter::count).sum();
    }
}
