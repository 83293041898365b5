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
 * Reads {@code trade.baseline}: each baseline is an observed network to measure. Acknowledged only
 * after its metrics are published; tombstones skipped, an unreadable message on
 * {@code trade.baseline.dlq}, a database or broker outage retried ({@link InboundProcessing}).
 */
@ApplicationScoped
public class BaselineConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    MetricsCoordinator coordinator;

    @Incoming("trade-baseline")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.TRADE_BASELINE, coordinator::onBaseline);
    }
}
