package org.rareearth.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.persistence.Activation;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;

/**
 * Publishes an activation on {@code dataset.current} under the one key
 * {@link CurrentDatasetEvent#KEY} and marks it published once the broker acknowledged it
 * (publish-then-mark: an unacknowledged activation is sent again at the next start).
 */
@ApplicationScoped
public class CurrentDatasetPublisher {

    @Inject
    @Channel("dataset-current")
    MutinyEmitter<String> emitter;

    @Inject
    DatasetStore store;

    @Inject
    IngestConfig config;

    /**
     * @return null when acknowledged and marked, otherwise what went wrong
     */
    public String publish(Activation activation, DatasetSummary dataset) {
        CurrentDatasetEvent event = new CurrentDatasetEvent(CurrentDatasetEvent.SCHEMA_VERSION, activation.sequence(),
                activation.version(), dataset.years(), dataset.products(), dataset.dataNotice(),
                activation.activatedAt().toString(), activation.reason());
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(CurrentDatasetEvent.KEY).build());
        try {
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "the broker did not acknowledge the current-data-set pointer within " + config.publishTimeout()
                    + " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        store.markActivationPublished(activation.sequence(), Instant.now());
        return null;
    }
}
