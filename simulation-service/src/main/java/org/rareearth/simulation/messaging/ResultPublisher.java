package org.rareearth.simulation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.rareearth.kit.outbox.OutboxPublisher;
import org.rareearth.kit.outbox.OutboxRow;
import org.rareearth.shared.events.Topics;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.SimulationStore;

/**
 * Publishes stored results on {@code simulation.results} (key = scenarioId) and marks each one
 * published only after the broker acknowledged it ({@link OutboxPublisher}): a crash in between
 * re-sends it, never loses it. It waits for the producer's own verdict (its delivery timeout): a
 * failure is a transient fault the inbound message is retried for.
 */
@ApplicationScoped
public class ResultPublisher {

    @Inject
    SimulationStore store;

    private final OutboxPublisher outbox;
    private final Counter published;

    @Inject
    public ResultPublisher(@Channel("simulation-results") MutinyEmitter<String> emitter, MeterRegistry registry) {
        this.outbox = new OutboxPublisher(Topics.SIMULATION_RESULTS, emitter, null);
        this.published = Counter.builder("simulation.results.published")
                .description("Result events acknowledged by the broker on simulation.results")
                .register(registry);
    }

    /** Sends one stored result, waits for the broker's ack, then marks it published. */
    public void publish(ResultRecord result) {
        outbox.publish(new OutboxRow(result.resultKey, result.scenarioId, result.event), row -> {
            store.markPublished(row.id());
            published.increment();
        });
    }
}
