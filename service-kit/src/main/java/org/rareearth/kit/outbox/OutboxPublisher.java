package org.rareearth.kit.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.shared.events.Topic;

/**
 * Publish-then-mark, the one way every service sends what it stored: send a row with its key, wait
 * for the broker's acknowledgement, and only then mark it published. What is not acknowledged stays
 * unpublished, and the service sends it again later (its own rule: at the next input, on a timer, at
 * the next start). A row acknowledged late may so be sent twice; consumers are idempotent.
 */
public final class OutboxPublisher {

    private final Topic<String, ?> topic;
    private final MutinyEmitter<String> emitter;
    private final Duration ackTimeout;

    /**
     * @param emitter    the service's channel to {@code topic}
     * @param ackTimeout how long to wait for an acknowledgement; null waits for the producer's own
     *                   verdict (its {@code delivery.timeout.ms})
     */
    public OutboxPublisher(Topic<String, ?> topic, MutinyEmitter<String> emitter, Duration ackTimeout) {
        this.topic = topic;
        this.emitter = emitter;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends one row, waits for the broker's ack, then marks it published.
     *
     * @throws PublishFailedException when the broker did not acknowledge in time, or refused the record
     *                                (the row is then not marked)
     */
    public void publish(OutboxRow row, Consumer<OutboxRow> markPublished) {
        try {
            Uni<Void> ack = emitter.sendMessage(message(row));
            if (ackTimeout == null) {
                ack.await().indefinitely();
            } else {
                ack.await().atMost(ackTimeout);
            }
        } catch (RuntimeException e) {
            throw new PublishFailedException(topic.name(), row, e, ackTimeout);
        }
        markPublished.accept(row);
    }

    /**
     * Sends {@code rows} {@code window} at a time (a window is in flight at once), marks the ones of
     * each window the broker acknowledged, and stops at the first window with a failure (a failing
     * broker gets no more in this round). The whole round waits at most the ack timeout.
     */
    public PublishRound publishAll(List<OutboxRow> rows, int window, Consumer<List<OutboxRow>> markPublished) {
        long deadline = System.nanoTime() + (ackTimeout == null ? Long.MAX_VALUE / 2 : ackTimeout.toNanos());
        int acknowledged = 0;
        String failure = null;
        for (int from = 0; from < rows.size() && failure == null; from += window) {
            if (System.nanoTime() >= deadline) {
                failure = "no broker acknowledgement within " + ackTimeout;
                break;
            }
            List<OutboxRow> part = rows.subList(from, Math.min(rows.size(), from + window));
            List<CompletableFuture<Void>> sent = part.stream().map(this::send).toList();
            List<OutboxRow> acked = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                String reason = await(sent.get(i), deadline);
                if (reason == null) {
                    acked.add(part.get(i));
                } else if (failure == null) {
                    failure = part.get(i).id() + ": " + reason;
                }
            }
            markPublished.accept(acked);
            acknowledged += acked.size();
        }
        return new PublishRound(rows.size(), acknowledged, failure);
    }

    private Message<String> message(OutboxRow row) {
        return Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build());
    }

    private CompletableFuture<Void> send(OutboxRow row) {
        try {
            return emitter.sendMessage(message(row)).subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full or the channel is down
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null when acknowledged, otherwise the reason. */
    private static String await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (TimeoutException e) {
            return "no broker acknowledgement in time";
        } catch (ExecutionException e) {
            return PublishFailedException.cause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the broker";
        }
    }
}
