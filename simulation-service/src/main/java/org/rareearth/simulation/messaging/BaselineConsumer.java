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
 * Reads {@code trade.baseline} (acknowledgement rules: {@link InboundProcessing}); an unreadable
 * message lands on {@code trade.baseline.dlq} with the reason.
 */
@ApplicationScoped
public class BaselineConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    SimulationCoordinator coordinator;

    @Incoming("trade-baseline")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.TRADE_BASELINE,
                event -> coordinator.onBaseline(event, message.getPayload()));
    }
}
