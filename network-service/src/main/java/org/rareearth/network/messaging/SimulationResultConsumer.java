package org.rareearth.network.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.SimulationResultEvent;

/**
 * Reads {@code simulation.results}: each result is a simulated network (with its baseline network)
 * to measure and compare. An unreadable message throws, so the failure strategy puts it on
 * {@code simulation.results.dlq} with the reason; a message is acknowledged only after its
 * metrics are published.
 */
@ApplicationScoped
public class SimulationResultConsumer {

    private static final Logger LOG = Logger.getLogger(SimulationResultConsumer.class);

    @Inject
    MetricsCoordinator coordinator;

    @Incoming("simulation-results")
    @Blocking
    public void consume(String payload) {
        if (payload == null) {
            LOG.debug("simulation.results null record ignored");
            return;
        }
        coordinator.onResult(EventCodec.decode(payload, SimulationResultEvent.class));
    }
}
