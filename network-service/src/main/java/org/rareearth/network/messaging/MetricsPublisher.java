package org.rareearth.network.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.network.persistence.MetricsRecord;
import org.rareearth.network.persistence.MetricsStore;

/**
 * Publishes stored metrics on {@code network.metrics} (key = scenarioId, "observed" for observed
 * networks) and marks each one published only after the broker acknowledged it: a crash in
 * between re-sends it, never loses it.
 */
@ApplicationScoped
public class MetricsPublisher {

    @Inject
    @Channel("network-metrics")
    MutinyEmitter<String> emitter;

    @Inject
    MetricsStore store;

    private final Counter published;

    @Inject
    public MetricsPublisher(MeterRegistry registry) {
        this.published = Counter.builder("network.metrics.published")
                .description("Metrics events acknowledged by the broker on network.metrics")
                .register(registry);
    }

    /** Sends one stored event, waits for the broker's ack, then marks it published. */
    public void publish(MetricsRecord metrics) {
        Message<String> message = Message.of(metrics.event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(metrics.scenarioId).build());
        emitter.sendMessageAndAwait(message);
        store.markPublished(metrics.metricsKey);
        published.increment();
    }
}
