package org.rareearth.simulation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.SimulationStore;

/**
 * Publishes stored results on {@code simulation.results} (key = scenarioId) and marks each one
 * published only after the broker acknowledged it: a crash in between re-sends it, never loses it.
 */
@ApplicationScoped
public class ResultPublisher {

    @Inject
    @Channel("simulation-results")
    MutinyEmitter<String> emitter;

    @Inject
    SimulationStore store;

    private final Counter published;

    @Inject
    public ResultPublisher(MeterRegistry registry) {
        this.published = Counter.builder("simulation.results.published")
                .description("Result events acknowledged by the broker on simulation.results")
                .register(registry);
    }

    /** Sends one stored result, waits for the broker's ack, then marks it published. */
    public void publish(ResultRecord result) {
        Message<String> message = Message.of(result.event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(result.scenarioId).build());
        emitter.sendMessageAndAwait(message);
        store.markPublished(result.resultKey);
        published.increment();
    }
}
