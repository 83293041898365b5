package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rareearth.scenario.persistence.ProgressStore;
import org.rareearth.scenario.persistence.Recorded;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.NetworkMetricsEvent;

/**
 * {@code network.metrics} -> forecast read model and scenario status (observed networks are
 * skipped). Decoded explicitly so an unreadable message lands on {@code network.metrics.dlq}.
 */
@ApplicationScoped
public class NetworkMetricsConsumer {

    @Inject
    ProgressStore progress;

    @Inject
    MeterRegistry registry;

    @Incoming("network-metrics")
    @Blocking
    public void consume(String payload) {
        NetworkMetricsEvent event = EventCodec.decode(payload, NetworkMetricsEvent.class);
        Recorded outcome = progress.record(event);
        registry.counter("rareearth.scenario.consumed", "topic", "network.metrics", "outcome",
                outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
