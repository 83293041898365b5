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
import org.rareearth.shared.events.NetworkMetricsEvent;

/**
 * {@code network.metrics} -> forecast read model and scenario status (observed networks are
 * skipped).
 * Acknowledgement rules (tombstones skipped, an unreadable message on its {@code .dlq}, a database
 * or broker outage retried): {@link InboundProcessing}.
 */
@ApplicationScoped
public class NetworkMetricsConsumer {

    @Inject
    InboundProcessing processing;

    @Inject
    ProgressStore progress;

    @Inject
    ConsumedMessages consumed;

    @Incoming("network-metrics")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.NETWORK_METRICS, this::record);
    }

    void record(NetworkMetricsEvent event) {
        Recorded outcome = progress.record(event);
        consumed.count(Topics.NETWORK_METRICS, outcome.name());
    }
}
