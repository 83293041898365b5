package org.rareearth.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.StoredBaseline;

/**
 * Publishes the stored baselines of a data-set version on {@code trade.baseline}, keyed by
 * {@code TradeBaselineEvent.key()}, and marks each one published only once the broker acknowledged
 * it (publish-then-mark). What is not acknowledged stays stored as unpublished and is sent again
 * by the next round: a re-upload of the same content, or the next start-up. A baseline that was
 * acknowledged late may so be sent twice; the topic is compacted by that key and the consumers
 * are idempotent, so the copy is harmless.
 */
@ApplicationScoped
public class BaselinePublisher {

    private static final Logger LOG = Logger.getLogger(BaselinePublisher.class);

    @Inject
    @Channel("trade-baseline")
    MutinyEmitter<String> emitter;

    @Inject
    DatasetStore store;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry registry;

    /** Sends every unacknowledged baseline of {@code version} and waits (at most the publish timeout) for the acks. */
    public PublishOutcome publishPending(String version) {
        List<StoredBaseline> pending = store.unpublished(version);
        if (pending.isEmpty()) {
            return new PublishOutcome(version, 0, 0, null);
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        int acknowledged = 0;
        String failure = null;
        for (int from = 0; from < pending.size(); from += config.publishWindow()) {
            if (System.nanoTime() >= deadline) {
                failure = failure != null ? failure : "no broker acknowledgement within " + config.publishTimeout();
                break;
            }
            List<StoredBaseline> window = pending.subList(from, Math.min(pending.size(), from + config.publishWindow()));
            Map<String, CompletableFuture<Void>> sent = new LinkedHashMap<>();
            for (StoredBaseline b : window) {
                sent.put(b.key(), send(b));
            }
            List<String> acked = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<Void>> e : sent.entrySet()) {
                String reason = await(e.getValue(), deadline);
                if (reason == null) {
                    acked.add(e.getKey());
                } else if (failure == null) {
                    failure = "baseline " + e.getKey() + ": " + reason;
                }
            }
            store.markPublished(acked, Instant.now());
            acknowledged += acked.size();
            if (failure != null) {
                // the broker is failing: do not pile more messages onto it in this round
                break;
            }
        }
        registry.counter("rareearth.ingest.baselines.published", "outcome", "acknowledged").increment(acknowledged);
        registry.counter("rareearth.ingest.baselines.published", "outcome", "unacknowledged")
                .increment(pending.size() - acknowledged);
        PublishOutcome outcome = new PublishOutcome(version, pending.size(), acknowledged, failure);
        if (outcome.complete()) {
            LOG.infof("published %d baselines of data set %s on trade.baseline", acknowledged, version);
        } else {
            LOG.warnf("data set %s: %d of %d baselines not acknowledged by the broker (%s); they are re-sent "
                    + "on the next upload of the same data or at the next start", version, outcome.unacknowledged(),
                    pending.size(), failure);
        }
        return outcome;
    }

    private CompletableFuture<Void> send(StoredBaseline b) {
        Message<String> message = Message.of(b.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(b.key()).build());
        try {
            return emitter.sendMessage(message).subscribeAsCompletionStage();
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
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the broker";
        }
    }
}
