package org.rareearth.scenario.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.kit.inbound.InboundProcessing;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * {@code trade.baseline} -> the catalogue (years, products, countries of each data-set version).
 * Acknowledgement rules (tombstones skipped, an unreadable message on its {@code .dlq}, a database
 * or broker outage retried): {@link InboundProcessing}.
 */
@ApplicationScoped
public class TradeBaselineConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    CatalogueStore catalogue;

    @Inject
    ConsumedMessages consumed;

    @Incoming("trade-baseline")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.TRADE_BASELINE, this::record);
    }

    void record(TradeBaselineEvent event) {
        boolean changed = catalogue.record(event);
        consumed.count(Topics.TRADE_BASELINE, changed);
    }
}
