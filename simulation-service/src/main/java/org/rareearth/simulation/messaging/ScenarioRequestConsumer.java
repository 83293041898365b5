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
        return processing.handle(message, Topics.SCENARIO_REQUESTS, coordinator::onRequest);
    }
}
