package org.rareearth.kit.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rareearth.shared.events.EventDecodingException;
import org.rareearth.shared.events.SchemaVersioned;
import org.rareearth.shared.events.Topic;

/**
 * The one way every service handles an incoming message (docs/events.md, "Rules every producer and
 * consumer follows"). A consumer method is {@code @Blocking}, takes the {@code Message<String>} and
 * returns {@link #handle}; its channel has {@code failure-strategy=dead-letter-queue}.
 * <ul>
 *   <li><b>tombstone</b> (no value) on a compacted topic: the broker deletes a key, there is no
 *       event: acknowledged and skipped;</li>
 *   <li><b>unreadable</b> ({@link Topic#decode} refuses it: not JSON, unknown schema version, a
 *       missing or invalid field; also a record without a value on a topic that is not compacted):
 *       nacked at once, the failure strategy puts it on {@code <topic>.dlq} with the reason;</li>
 *   <li><b>handled</b>: acknowledged only after the work returned (the work itself publishes and
 *       marks what it caused before it returns);</li>
 *   <li><b>transient fault</b> (database or broker unavailable, {@link TransientFaults}): retried
 *       with a growing backoff until it succeeds; the message is valid, so it never goes to the
 *       dead-letter topic, and the partition waits, keeping the order of its messages;</li>
 *   <li><b>other failure</b>: retried {@code attempts} times, then nacked to the dead-letter topic
 *       with the reason, so one message the handler always refuses cannot stop the consumer;</li>
 *   <li><b>shutdown</b> (while handling, or waiting to retry): neither acked nor nacked, so its
 *       offset is not committed and the restarted service reads it again.</li>
 * </ul>
 * Each message counts in {@code inbound_messages_total{topic, outcome}} (outcome {@code handled},
 * {@code tombstone}, {@code dead-lettered}); each retry in {@code inbound_retries_total{topic}}.
 * With several replicas, each one's {@code handled} count is its share of the group's input.
 */
@ApplicationScoped
public class InboundProcessing {

    private static final Logger LOG = Logger.getLogger(InboundProcessing.class);

    @Inject
    InboundConfig config;

    @Inject
    MeterRegistry registry;

    /** Counted down once, at shutdown: wakes a retry that waits for its backoff. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    void onStop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** True once the service shuts down: handling should stop at its next safe point. */
    public boolean stopping() {
        return stopping.getCount() == 0;
    }

    /** Decodes the message as an event of {@code topic} and hands it to {@code work}, by the rules above. */
    public <V extends SchemaVersioned> CompletionStage<Void> handle(Message<String> message, Topic<String, V> topic,
                                                                    Consumer<V> work) {
        String payload = message.getPayload();
        if (payload == null && topic.compacted()) {
            LOG.debugf("%s: tombstone skipped", topic);
            count(topic, "tombstone");
            return message.ack();
        }
        V event;
        try {
            event = topic.decode(payload);
        } catch (EventDecodingException e) {
            LOG.warnf("%s: unreadable message sent to %s (%s)", topic, topic.dlq(), e.getMessage());
            count(topic, "dead-lettered");
            return message.nack(e);
        }
        Duration wait = config.backoff();
        for (int attempt = 1; ; attempt++) {
            if (stopping()) {
                return leftForRedelivery(topic, "before handling");
            }
            try {
                work.accept(event);
                count(topic, "handled");
                return message.ack();
            } catch (RuntimeException e) {
                if (stopping() || e instanceof ServiceStoppingException || Thread.currentThread().isInterrupted()) {
                    return leftForRedelivery(topic, e.getMessage());
                }
                boolean transientFault = TransientFaults.isTransient(e);
                if (!transientFault && attempt >= config.attempts()) {
                    LOG.errorf(e, "%s: could not be handled after %d attempts: sent to %s", topic, attempt, topic.dlq());
                    count(topic, "dead-lettered");
                    return message.nack(e);
                }
                LOG.warnf("%s: attempt %d failed (%s%s), retrying in %s", topic, attempt,
                        transientFault ? "transient: " : "", e.getMessage(), wait);
                registry.counter("inbound.retries", "topic", topic.name()).increment();
                if (awaitStop(wait)) {
                    return leftForRedelivery(topic, "while waiting to retry");
                }
                wait = wait.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait.multipliedBy(2);
            }
        }
    }

    /** Waits {@code wait}, or less when the service stops meanwhile; true when it stops. */
    private boolean awaitStop(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void count(Topic<String, ?> topic, String outcome) {
        Counter.builder("inbound.messages").description("Input messages by topic and outcome (handled, tombstone, "
                        + "dead-lettered)").tag("topic", topic.name()).tag("outcome", outcome).register(registry)
                .increment();
    }

    /** A stage that never completes: the message is neither acked nor nacked, its offset stays uncommitted. */
    private static CompletionStage<Void> leftForRedelivery(Topic<String, ?> topic, String why) {
        LOG.warnf("%s: handling stopped by shutdown (%s): not acknowledged, it is read again after the restart",
                topic, why);
        return new CompletableFuture<>();
    }
}
