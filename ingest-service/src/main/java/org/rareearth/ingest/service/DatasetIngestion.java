package org.rareearth.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.ingest.core.ArchiveLimits;
import org.rareearth.ingest.core.PreparedDataset;
import org.rareearth.ingest.core.UploadRejectedException;
import org.rareearth.ingest.core.ZipUpload;
import org.rareearth.ingest.messaging.BaselinePublisher;
import org.rareearth.ingest.messaging.PublishOutcome;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;

/**
 * One ingest: read the data set (framework-free core), store it in one transaction unless its
 * content version is already stored, then publish its baselines and wait for the broker.
 *
 * <p>Re-ingesting stored content creates nothing and sends only the baselines the broker never
 * acknowledged (none, normally): the answer is {@code created:false} and the topic is unchanged.
 */
@ApplicationScoped
public class DatasetIngestion {

    private static final Logger LOG = Logger.getLogger(DatasetIngestion.class);
    public static final String SOURCE_UPLOAD = "upload";
    public static final String SOURCE_BOOTSTRAP = "bootstrap:";

    @Inject
    DatasetStore store;

    @Inject
    BaselinePublisher publisher;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * Ingests an uploaded ZIP archive.
     *
     * @param declaredLength Content-Length of the request, null when unknown (chunked)
     * @throws UploadRejectedException the upload is not a usable data set (nothing is stored)
     * @throws PublishFailedException  stored, but not every baseline was acknowledged
     */
    public IngestResult ingestUpload(InputStream body, Long declaredLength) {
        ArchiveLimits limits = config.archiveLimits();
        if (declaredLength != null && declaredLength > limits.maxUploadBytes()) {
            throw rejected(ZipUpload.tooLargeUpload(limits));
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("ingest-upload-");
            Path zip = work.resolve("upload.zip");
            ZipUpload.receive(body, zip, limits);
            Path root = ZipUpload.unpack(zip, Files.createDirectory(work.resolve("data")), limits);
            return ingest(root, SOURCE_UPLOAD);
        } catch (UploadRejectedException e) {
            throw rejected(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive or unpack the upload: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Ingests a data directory on this machine (the bootstrap directory). */
    public IngestResult ingestDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw rejected(new UploadRejectedException(UploadRejectedException.Reason.NOT_A_DATASET,
                    dir + ": not a directory"));
        }
        try {
            return ingest(dir, SOURCE_BOOTSTRAP + dir);
        } catch (UploadRejectedException e) {
            throw rejected(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Re-sends baselines stored by earlier runs that the broker never acknowledged. */
    public List<PublishOutcome> resendUnpublished() {
        return store.versionsWithUnpublished().stream().map(publisher::publishPending).toList();
    }

    private IngestResult ingest(Path root, String source) throws IOException {
        Timer.Sample timer = Timer.start(registry);
        PreparedDataset data = PreparedDataset.read(root);
        boolean created = storeOnce(data, source);
        if (created) {
            LOG.infof("stored data set %s from %s: years %s, %d products, %d rows accepted, %d rejected",
                    data.version(), source, data.years(), data.products().size(), data.acceptedRows(), data.rejectedRows());
        } else {
            LOG.infof("data set %s from %s was already stored: nothing created", data.version(), source);
        }
        PublishOutcome outcome = publisher.publishPending(data.version());
        DatasetSummary summary = store.find(data.version())
                .orElseThrow(() -> new IllegalStateException("data set " + data.version() + " vanished after storing"));
        timer.stop(registry.timer("rareearth.ingest.duration", "created", String.valueOf(created)));
        registry.counter("rareearth.ingest.datasets", "outcome", created ? "created" : "existing").increment();
        if (created) {
            registry.counter("rareearth.ingest.rows", "kind", "accepted").increment(data.acceptedRows());
            registry.counter("rareearth.ingest.rows", "kind", "rejected").increment(data.rejectedRows());
        }
        if (!outcome.complete()) {
            throw new PublishFailedException(outcome);
        }
        return new IngestResult(summary, created, outcome);
    }

    /** Stores the data set unless present; a concurrent ingest of the same content counts as present. */
    private boolean storeOnce(PreparedDataset data, String source) {
        try {
            return store.storeIfAbsent(data, source, Instant.now());
        } catch (RuntimeException e) {
            if (store.find(data.version()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    private UploadRejectedException rejected(UploadRejectedException e) {
        registry.counter("rareearth.ingest.datasets", "outcome", "rejected", "reason", e.reason().name()).increment();
        return e;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debugf("could not delete %s: %s", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("could not clean up %s: %s", dir, e.getMessage());
        }
    }
}
