package org.rareearth.network.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.kit.inbound.InboundProcessing;
import org.rareearth.shared.events.Topics;

/**
 * Reads {@code simulation.results}: each result is a simulated network (with its baseline network)
 * to measure and compare. Acknowledged only after its metrics are published; an unreadable message
 * on {@code simulation.results.dlq}, a database or broker outage retried ({@link InboundProcessing}).
 */
@ApplicationScoped
public class SimulationResultConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    MetricsCoordinator coordinator;

    @Incoming("simulation-results")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.SIMULATION_RESULTS, coordinator::onResult);
    }
}
