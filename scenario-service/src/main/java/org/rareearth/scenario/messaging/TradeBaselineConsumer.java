package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * {@code trade.baseline} -> the catalogue (years, products, countries of each data-set version). An
 * unreadable message throws, and the failure strategy puts it on {@code trade.baseline.dlq}.
 */
@ApplicationScoped
public class TradeBaselineConsumer {

    @Inject
    CatalogueStore catalogue;

    @Inject
    MeterRegistry registry;

    @Incoming("trade-baseline")
    @Blocking
    public void consume(String payload) {
        TradeBaselineEvent event = EventCodec.decode(payload, TradeBaselineEvent.class);
        boolean changed = catalogue.record(event);
        registry.counter("rareearth.scenario.consumed", "topic", "trade.baseline", "outcome",
                changed ? "stored" : "duplicate").increment();
    }
}
