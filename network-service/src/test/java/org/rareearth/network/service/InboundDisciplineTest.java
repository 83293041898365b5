package org.rareearth.network.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.DatabaseOutage;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.stack.LocalStackResource;

/**
 * service-kit's inbound discipline in network-service, on the real broker and database: a baseline
 * that arrives while PostgreSQL is down is retried and measured once it is back, instead of going
 * to trade.baseline.dlq (where it went before: the consumer threw, the failure strategy dead-lettered it).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class InboundDisciplineTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aBaselineDuringADatabaseOutageIsMeasuredAfterItAndNotDeadLettered() {
        String dataset = "outage-" + UUID.randomUUID();
        TradeBaselineEvent baseline = DemoBaselines.event(dataset, 2023, "850511");
        double retries = count("inbound.retries");
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            try (DatabaseOutage outage = LocalStackResource.stack().stopDatabase()) {
                KafkaTestClient.send(Topics.TRADE_BASELINE, baseline.key(), baseline);
                await().atMost(KafkaTestClient.DEADLINE).until(() -> count("inbound.retries") > retries);
            }
            assertThat(metrics.await(r -> r.value().contains(dataset), 1)).hasSize(1);
        }
        assertThat(KafkaTestClient.readAll(Topics.TRADE_BASELINE.dlq(), r -> baseline.key().equals(r.key())))
                .as("dead-lettered records of the key").isEmpty();
    }

    private double count(String name) {
        return registry.find(name).tag("topic", Topics.TRADE_BASELINE.name()).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
