package org.rareearth.scenario.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.kit.inbound.InboundProcessing;
import org.jboss.logging.Logger;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ProgressStore;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.Topics;

/**
 * {@code dataset.current} -> which catalogue entry new scenarios are validated against, and which
 * data set every unpinned scenario's status follows (recomputed at once: a version ready on the
 * new data set is ready again without waiting for a message).
 * Acknowledgement rules (tombstones skipped, an unreadable message on its {@code .dlq}, a database
 * or broker outage retried): {@link InboundProcessing}.
 */
@ApplicationScoped
public class CurrentDatasetConsumer {

    @Inject
    InboundProcessing processing;

    private static final Logger LOG = Logger.getLogger(CurrentDatasetConsumer.class);

    @Inject
    CatalogueStore catalogue;

    @Inject
    ProgressStore progress;

    @Inject
    ConsumedMessages consumed;

    @Incoming("dataset-current")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return processing.handle(message, Topics.DATASET_CURRENT, this::record);
    }

    void record(CurrentDatasetEvent event) {
        boolean moved = catalogue.recordCurrent(event);
        if (moved) {
            int scenarios = progress.recomputeCurrentVersions();
            LOG.infof("current data set is now %s (activation %d): status of %d scenario(s) derived again",
                    event.datasetVersion(), event.sequence(), scenarios);
        }
        consumed.count(Topics.DATASET_CURRENT, moved);
    }
}
