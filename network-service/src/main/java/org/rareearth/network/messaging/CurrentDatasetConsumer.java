package org.rareearth.network.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.kit.inbound.InboundProcessing;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.shared.events.Topics;

/**
 * Reads {@code dataset.current}: the observed series (GET /metrics/observed, the dashboard) shows
 * the current data-set version (acknowledgement rules: {@link InboundProcessing}).
 */
@ApplicationScoped
public class CurrentDatasetConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    MetricsStore store;

    @Incoming("dataset-current")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.DATASET_CURRENT, store::storeCurrentDataset);
    }
}
