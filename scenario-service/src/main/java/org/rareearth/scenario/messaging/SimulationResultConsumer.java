package org.rareearth.scenario.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.kit.inbound.InboundProcessing;
import org.rareearth.scenario.persistence.ProgressStore;
import org.rareearth.scenario.persistence.Recorded;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.SimulationResultEvent;

/**
 * {@code simulation.results} -> forecast read model and scenario status.
 * Acknowledgement rules (tombstones skipped, an unreadable message on its {@code .dlq}, a database
 * or broker outage retried): {@link InboundProcessing}.
 */
@ApplicationScoped
public class SimulationResultConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    ProgressStore progress;

    @Inject
    ConsumedMessages consumed;

    @Incoming("simulation-results")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.SIMULATION_RESULTS, this::record);
    }

    void record(SimulationResultEvent event) {
        Recorded outcome = progress.record(event);
        consumed.count(Topics.SIMULATION_RESULTS, outcome.name());
    }
}
