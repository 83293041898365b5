package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rareearth.scenario.persistence.ProgressStore;
import org.rareearth.scenario.persistence.Recorded;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.SimulationResultEvent;

/**
 * {@code simulation.results} -> forecast read model and scenario status. Decoded explicitly so an
 * unreadable message throws and lands on {@code simulation.results.dlq} with its reason.
 */
@ApplicationScoped
public class SimulationResultConsumer {

    @Inject
    ProgressStore progress;

    @Inject
    MeterRegistry registry;

    @Incoming("simulation-results")
    @Blocking
    public void consume(String payload) {
        SimulationResultEvent event = EventCodec.decode(payload, SimulationResultEvent.class);
        Recorded outcome = progress.record(event);
        registry.counter("rareearth.scenario.consumed", "topic", "simulation.results", "outcome",
                outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
