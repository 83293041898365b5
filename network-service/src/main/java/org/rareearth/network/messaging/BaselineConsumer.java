package org.rareearth.network.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * Reads {@code trade.baseline}: each baseline is an observed network to measure. An unreadable
 * message throws, so the failure strategy puts it on {@code trade.baseline.dlq} with the reason;
 * a message is acknowledged only after its metrics are published.
 */
@ApplicationScoped
public class BaselineConsumer {

    private static final Logger LOG = Logger.getLogger(BaselineConsumer.class);

    @Inject
    MetricsCoordinator coordinator;

    @Incoming("trade-baseline")
    @Blocking
    public void consume(String payload) {
        if (payload == null) {
            // a tombstone of the compacted topic deletes a key; there is nothing to measure
            LOG.debug("trade.baseline tombstone ignored");
            return;
        }
        coordinator.onBaseline(EventCodec.decode(payload, TradeBaselineEvent.class));
    }
}
