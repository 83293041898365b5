package org.rareearth.network.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;

/**
 * Reads {@code dataset.current}: the observed series (GET /metrics/observed, the dashboard) shows
 * the current data-set version. An unreadable message throws and lands on
 * {@code dataset.current.dlq}.
 */
@ApplicationScoped
public class CurrentDatasetConsumer {

    @Inject
    MetricsStore store;

    @Incoming("dataset-current")
    @Blocking
    public void consume(String payload) {
        store.storeCurrentDataset(EventCodec.decode(payload, CurrentDatasetEvent.class));
    }
}
