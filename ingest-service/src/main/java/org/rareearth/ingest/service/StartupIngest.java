package org.rareearth.ingest.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.ingest.messaging.PublishOutcome;

/**
 * At start-up, in the background (a slow or absent broker must not block the HTTP server or the
 * health endpoints): first re-send baselines earlier runs stored but the broker never
 * acknowledged, then ingest {@code rareearth.ingest.bootstrap-dir} if one is configured. A
 * bootstrap directory already ingested is recognised by its content version and creates nothing.
 */
@ApplicationScoped
public class StartupIngest {

    private static final Logger LOG = Logger.getLogger(StartupIngest.class);

    @Inject
    DatasetIngestion ingestion;

    @Inject
    CurrentDataset current;

    @Inject
    IngestConfig config;

    void onStart(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(this::run);
    }

    void run() {
        if (config.resendOnStart()) {
            try {
                for (PublishOutcome o : ingestion.resendUnpublished()) {
                    LOG.infof("re-sent %d of %d unacknowledged baselines of data set %s", o.acknowledged(), o.pending(),
                            o.version());
                }
                current.resendUnpublished();
            } catch (RuntimeException e) {
                LOG.warnf("could not re-send unacknowledged baselines or the current-data-set pointer: %s", e.getMessage());
            }
        }
        config.bootstrapDir().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).ifPresent(this::bootstrap);
    }

    /**
     * The directory is one data set when it holds data files itself (BACI layout or Comtrade CSV
     * exports); otherwise each sub-directory and each ZIP archive in it is one data set, in name
     * order. One data set that fails does not stop the others.
     */
    private void bootstrap(Path dir) {
        List<Path> datasets;
        try {
            datasets = BootstrapDirectory.datasets(dir);
        } catch (IOException e) {
            LOG.errorf("bootstrap directory %s cannot be read: %s", dir, e.getMessage());
            return;
        }
        if (datasets.isEmpty()) {
            LOG.warnf("bootstrap directory %s holds no data set (CSV files, sub-directories or ZIP archives)", dir);
        }
        for (Path data : datasets) {
            try {
                IngestResult r = Files.isDirectory(data) ? ingestion.ingestDirectory(data) : ingestion.ingestArchiveFile(data);
                LOG.infof("bootstrap %s: data set %s (%s, %s, %s)", data, r.dataset().version(), r.dataset().format(),
                        r.created() ? "created" : "already stored",
                        r.current().notCurrentReason() == null ? "current" : "not current: " + r.current().notCurrentReason());
            } catch (UploadRejectedException e) {
                LOG.errorf("bootstrap %s is not a usable data set: %s", data, e.getMessage());
            } catch (PublishFailedException e) {
                LOG.error("bootstrap " + data + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("bootstrap " + data + " could not be ingested", e);
            }
        }
    }
}
