package org.rareearth.simulation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.EventDecodingException;
import org.rareearth.shared.events.SchemaVersioned;

/**
 * How an incoming message is acknowledged, so that every request is answered exactly once across
 * restarts:
 * <ul>
 *   <li>unreadable (EventCodec refuses it): nacked at once, the failure strategy puts it on
 *       {@code <topic>.dlq} with the reason;</li>
 *   <li>handled: acked only after every result it caused was published and marked;</li>
 *   <li>handling failed (database or broker unavailable): retried a few times, then nacked to the
 *       dead-letter topic with the reason, so one bad message cannot stop the consumer;</li>
 *   <li>handling cut short by shutdown: neither acked nor nacked, so its offset is not committed and
 *       the restarted service reads it again (stored results are then re-sent, not recomputed).</li>
 * </ul>
 * Each message handled and acknowledged counts in {@code simulation_messages_handled_total{topic}}:
 * with several replicas, each one's count is its share of the group's input.
 */
@ApplicationScoped
public class InboundProcessing {

    private static final Logger LOG = Logger.getLogger(InboundProcessing.class);

    @ConfigProperty(name = "rareearth.simulation.processing.attempts", defaultValue = "3")
    int attempts;

    @ConfigProperty(name = "rareearth.simulation.processing.backoff", defaultValue = "PT2S")
    Duration backoff;

    @Inject
    MeterRegistry registry;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public <T extends SchemaVersioned> CompletionStage<Void> handle(Message<String> message, Class<T> type,
                                                                    Consumer<T> work) {
        String payload = message.getPayload();
        if (payload == null) {
            // a tombstone of a compacted topic deletes a key: nothing to solve
            return message.ack();
        }
        T event;
        try {
            event = EventCodec.decode(payload, type);
        } catch (EventDecodingException e) {
            return message.nack(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                work.accept(event);
                handled(message);
                return message.ack();
            } catch (RuntimeException e) {
                if (stopping || e instanceof ServiceStoppingException || Thread.currentThread().isInterrupted()) {
                    return leftForRedelivery(type, e);
                }
                if (attempt >= attempts) {
                    LOG.errorf(e, "%s could not be handled after %d attempts: sent to the dead-letter topic",
                            type.getSimpleName(), attempt);
                    return message.nack(e);
                }
                LOG.warnf("%s: attempt %d failed (%s), retrying in %s", type.getSimpleName(), attempt, e.getMessage(),
                        backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return leftForRedelivery(type, e);
                }
            }
        }
    }

    private void handled(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        Counter.builder("simulation.messages.handled").description("Input messages handled and acknowledged, per topic")
                .tag("topic", topic).register(registry).increment();
    }

    private static CompletionStage<Void> leftForRedelivery(Class<?> type, RuntimeException e) {
        LOG.warnf("%s interrupted by shutdown (%s): not acknowledged, it is read again after the restart",
                type.getSimpleName(), e.getMessage());
        return new CompletableFuture<>();
    }
}
