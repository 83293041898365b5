package org.rareearth.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.persistence.Activation;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.kit.outbox.OutboxPublisher;
import org.rareearth.kit.outbox.OutboxRow;
import org.rareearth.kit.outbox.PublishFailedException;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.Topics;

/**
 * Publishes an activation on {@code dataset.current} under the one key
 * {@link CurrentDatasetEvent#KEY} and marks it published once the broker acknowledged it
 * (publish-then-mark, {@link OutboxPublisher}: an unacknowledged activation is sent again at the next start).
 */
@ApplicationScoped
public class CurrentDatasetPublisher {

    @Inject
    DatasetStore store;

    private final IngestConfig config;
    private final OutboxPublisher outbox;

    @Inject
    public CurrentDatasetPublisher(@Channel("dataset-current") MutinyEmitter<String> emitter, IngestConfig config) {
        this.config = config;
        this.outbox = new OutboxPublisher(Topics.DATASET_CURRENT, emitter, config.publishTimeout());
    }

    /**
     * @return null when acknowledged and marked, otherwise what went wrong
     */
    public String publish(Activation activation, DatasetSummary dataset) {
        CurrentDatasetEvent event = new CurrentDatasetEvent(CurrentDatasetEvent.SCHEMA_VERSION, activation.sequence(),
                activation.version(), dataset.years(), dataset.products(), dataset.dataNotice(),
                activation.activatedAt().toString(), activation.reason());
        OutboxRow row = new OutboxRow(Long.toString(activation.sequence()), CurrentDatasetEvent.KEY,
                Topics.DATASET_CURRENT.encode(event));
        try {
            outbox.publish(row, sent -> store.markActivationPublished(activation.sequence(), Instant.now()));
        } catch (PublishFailedException e) {
            return "the broker did not acknowledge the current-data-set pointer within " + config.publishTimeout()
                    + " (" + e.cause() + ")";
        }
        return null;
    }
}
