package org.rareearth.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.StoredBaseline;
import org.rareearth.kit.outbox.OutboxPublisher;
import org.rareearth.kit.outbox.OutboxRow;
import org.rareearth.kit.outbox.PublishRound;
import org.rareearth.shared.events.Topics;

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
    DatasetStore store;

    @Inject
    MeterRegistry registry;

    private final IngestConfig config;
    private final OutboxPublisher outbox;

    @Inject
    public BaselinePublisher(@Channel("trade-baseline") MutinyEmitter<String> emitter, IngestConfig config) {
        this.config = config;
        this.outbox = new OutboxPublisher(Topics.TRADE_BASELINE, emitter, config.publishTimeout());
    }

    /**
     * Sends every unacknowledged baseline of {@code version}, {@code publish-window} at a time, and
     * waits (at most the publish timeout for the whole round) for the acks.
     */
    public PublishOutcome publishPending(String version) {
        List<StoredBaseline> pending = store.unpublished(version);
        if (pending.isEmpty()) {
            return new PublishOutcome(version, 0, 0, null);
        }
        List<OutboxRow> rows = pending.stream().map(b -> new OutboxRow(b.key(), b.key(), b.payload())).toList();
        PublishRound round = outbox.publishAll(rows, config.publishWindow(),
                acked -> store.markPublished(acked.stream().map(OutboxRow::id).toList(), Instant.now()));
        int acknowledged = round.acknowledged();
        String failure = round.failure();
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
}
