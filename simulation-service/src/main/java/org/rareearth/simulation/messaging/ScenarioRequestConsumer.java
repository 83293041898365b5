package org.rareearth.simulation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.shared.events.ScenarioRequestEvent;

/**
 * Reads {@code scenario.requests} (acknowledgement rules: {@link InboundProcessing}); an unreadable
 * message lands on {@code scenario.requests.dlq} with the reason.
 */
@ApplicationScoped
public class ScenarioRequestConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    SimulationCoordinator coordinator;

    @Incoming("scenario-requests")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, ScenarioRequestEvent.class, coordinator::onRequest);
    }
}
