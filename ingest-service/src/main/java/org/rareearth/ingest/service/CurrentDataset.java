package org.rareearth.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.rareearth.ingest.core.DatasetCoverage;
import org.rareearth.ingest.messaging.BaselinePublisher;
import org.rareearth.ingest.messaging.CurrentDatasetPublisher;
import org.rareearth.ingest.messaging.PublishOutcome;
import org.rareearth.ingest.persistence.Activation;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;

/**
 * Which stored version is current, i.e. what every forecast that pins no version is solved on
 * (topic {@code dataset.current}). A new data set becomes current by itself only when it covers
 * the current one ({@link DatasetCoverage}); otherwise it is stored and listed, and an operator
 * decides ({@code PUT /datasets/current}). Activating a version re-sends all its baselines first,
 * so a consumer that lost them gets them again, and then the pointer.
 *
 * <p>Decisions are serialised in this instance, so two concurrent uploads cannot both compare
 * themselves with the same current version.
 */
@ApplicationScoped
public class CurrentDataset {

    private static final Logger LOG = Logger.getLogger(CurrentDataset.class);
    public static final String BY_UPLOAD = "upload";
    public static final String BY_BOOTSTRAP = "bootstrap";
    public static final String BY_OPERATOR = "operator";

    @Inject
    DatasetStore store;

    @Inject
    BaselinePublisher baselines;

    @Inject
    CurrentDatasetPublisher pointer;

    /**
     * What an ingest did to the current version.
     *
     * @param currentVersion   the current version after the ingest (null only before any data)
     * @param notCurrentReason why the ingested version did not become current; null when it is current
     */
    public record Decision(String currentVersion, String notCurrentReason) {
    }

    public Optional<Activation> current() {
        return store.current();
    }

    /**
     * After an ingest stored (or found) {@code dataset}: makes it current when it covers the
     * current version. The pointer is published only when every baseline was acknowledged
     * ({@code baselinesPublished}); otherwise it is sent with them at the next start.
     */
    public synchronized Decision afterIngest(DatasetSummary dataset, String reason, boolean baselinesPublished) {
        Optional<Activation> current = store.current();
        if (current.isPresent() && current.get().version().equals(dataset.version())) {
            if (!current.get().published() && baselinesPublished) {
                publishPointer(current.get(), dataset);
            }
            return new Decision(dataset.version(), null);
        }
        if (current.isPresent()) {
            DatasetSummary now = store.find(current.get().version()).orElseThrow();
            DatasetCoverage coverage = DatasetCoverage.of(now.products(), now.years(), dataset.products(), dataset.years());
            if (!coverage.covers()) {
                String why = coverage.describe(now.version());
                LOG.infof("data set %s is stored but not current: %s", dataset.version(), why);
                return new Decision(now.version(), why);
            }
        }
        Activation activation = store.activate(dataset.version(), reason, Instant.now());
        LOG.infof("data set %s is current (%s, activation %d)", dataset.version(), reason, activation.sequence());
        if (baselinesPublished) {
            publishPointer(activation, dataset);
        }
        return new Decision(dataset.version(), null);
    }

    /**
     * An operator's choice: {@code version} becomes current; all its baselines are sent again, then
     * the pointer.
     *
     * @throws DatasetNotFoundException unknown version
     * @throws PublishFailedException   it is current here, but the broker did not acknowledge everything
     */
    public synchronized Activation activate(String version) {
        DatasetSummary dataset = store.find(version).orElseThrow(() -> new DatasetNotFoundException(version));
        Activation activation = store.activate(version, BY_OPERATOR, Instant.now());
        store.markForRepublishing(version);
        PublishOutcome outcome = baselines.publishPending(version);
        if (!outcome.complete()) {
            throw new PublishFailedException(outcome);
        }
        String failure = pointer.publish(activation, dataset);
        if (failure != null) {
            throw PublishFailedException.pointer(version, failure);
        }
        LOG.infof("data set %s made current by an operator (activation %d); its %d baselines were re-sent", version,
                activation.sequence(), outcome.acknowledged());
        return store.current().orElse(activation);
    }

    /** Start-up, after the unacknowledged baselines were re-sent: the pointer, if the broker never acknowledged it. */
    public synchronized void resendUnpublished() {
        store.current().filter(a -> !a.published()).ifPresent(a -> store.find(a.version()).ifPresent(d -> {
            if (publishPointer(a, d)) {
                LOG.infof("re-sent the current-data-set pointer (%s, activation %d)", a.version(), a.sequence());
            }
        }));
    }

    private boolean publishPointer(Activation activation, DatasetSummary dataset) {
        String failure = pointer.publish(activation, dataset);
        if (failure != null) {
            LOG.warnf("data set %s: %s; it is re-sent at the next start", dataset.version(), failure);
            return false;
        }
        return true;
    }
}
