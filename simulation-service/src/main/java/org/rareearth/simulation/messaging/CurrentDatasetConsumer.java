package org.rareearth.simulation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rareearth.kit.inbound.InboundProcessing;
import org.rareearth.shared.events.Topics;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code dataset.current}: a new current data-set version re-solves every active scenario
 * that pins none (acknowledgement rules: {@link InboundProcessing}).
 */
@ApplicationScoped
public class CurrentDatasetConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    SimulationCoordinator coordinator;

    @Incoming("dataset-current")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.DATASET_CURRENT, coordinator::onCurrentDataset);
    }
}
