package org.rareearth.network.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.rareearth.kit.outbox.OutboxPublisher;
import org.rareearth.kit.outbox.OutboxRow;
import org.rareearth.network.persistence.MetricsRecord;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.shared.events.Topics;

/**
 * Publishes stored metrics on {@code network.metrics} (key = scenarioId, "observed" for observed
 * networks) and marks each one published only after the broker acknowledged it
 * ({@link OutboxPublisher}): a crash in between re-sends it, never loses it. It waits for the
 * producer's own verdict (its delivery timeout): a failure is a transient fault the inbound message
 * is retried for.
 */
@ApplicationScoped
public class MetricsPublisher {

    @Inject
    MetricsStore store;

    private final OutboxPublisher outbox;
    private final Counter published;

    @Inject
    public MetricsPublisher(@Channel("network-metrics") MutinyEmitter<String> emitter, MeterRegistry registry) {
        this.outbox = new OutboxPublisher(Topics.NETWORK_METRICS, emitter, null);
        this.published = Counter.builder("network.metrics.published")
                .description("Metrics events acknowledged by the broker on network.metrics")
                .register(registry);
    }

    /** Sends one stored event, waits for the broker's ack, then marks it published. */
    public void publish(MetricsRecord metrics) {
        outbox.publish(new OutboxRow(metrics.metricsKey, metrics.scenarioId, metrics.event), row -> {
            store.markPublished(row.id());
            published.increment();
        });
    }
}
