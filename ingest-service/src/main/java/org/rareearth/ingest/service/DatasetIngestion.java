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
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.ingest.core.PreparedDataset;
import org.rareearth.tradedata.source.UploadBody;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.ingest.messaging.BaselinePublisher;
import org.rareearth.ingest.messaging.PublishOutcome;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.ingest.service.IngestJob.State;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.IngestCancelledException;
import org.rareearth.tradedata.source.ZipSource;

/**
 * One ingest: receive the upload to disk, read it in one streaming pass (framework-free readers),
 * store it in one transaction unless its content version is already stored, then publish its
 * baselines and wait for the broker. Each ingest is an {@link IngestJob} whose progress
 * GET /ingests shows.
 *
 * <p>Nothing is stored before the whole source has been read and validated, and the store is one
 * transaction: a failure, a crash or a cancellation at any point leaves no half data set.
 * Re-ingesting stored content creates nothing and sends only the baselines the broker never
 * acknowledged (none, normally).
 */
@ApplicationScoped
public class DatasetIngestion {

    private static final Logger LOG = Logger.getLogger(DatasetIngestion.class);
    public static final String SOURCE_UPLOAD = "upload";
    public static final String SOURCE_BOOTSTRAP = "bootstrap:";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._() -]{0,199}");

    @Inject
    DatasetStore store;

    @Inject
    BaselinePublisher publisher;

    @Inject
    CurrentDataset current;

    @Inject
    IngestConfig config;

    @Inject
    IngestJobs jobs;

    @Inject
    MeterRegistry registry;

    /** Opens the files of an ingest when it is read. */
    public interface SourceOpener {
        DataSource open() throws IOException;
    }

    /**
     * An ingest whose files are on disk, waiting to be read.
     *
     * @param work       a temporary directory deleted when the ingest ends, or null (a directory of this machine)
     * @param uploadedBy token subject of the operator who uploaded it (audit trail); null for data sets this
     *                   service read from its own disk (bootstrap)
     */
    public record Received(IngestJob job, Path work, String label, SourceOpener source, String uploadedBy) {

        /** Data read from this machine's disk: nobody uploaded it. */
        public Received(IngestJob job, Path work, String label, SourceOpener source) {
            this(job, work, label, source, null);
        }
    }

    /** A file of a multipart upload, already on disk. */
    public record UploadedFile(String name, Path path) {
    }

    /**
     * Receives a ZIP archive (CEPII's BACI archive, a zipped BACI-layout folder, zipped Comtrade exports).
     *
     * @param declaredLength Content-Length of the request, null when unknown (chunked)
     */
    public Received receiveArchive(InputStream body, Long declaredLength, String operator) {
        return receive(SOURCE_UPLOAD, declaredLength, operator, (job, work, limits) -> {
            Path zip = work.resolve("upload.zip");
            job.received(UploadBody.receive(body, zip, limits, "a ZIP archive of BACI files or UN Comtrade CSV exports",
                    job.progress()));
            return () -> ZipSource.open(zip, limits, SOURCE_UPLOAD);
        });
    }

    /** Receives one CSV file (a UN Comtrade export); {@code fileName} from Content-Disposition or the query. */
    public Received receiveCsv(InputStream body, Long declaredLength, String fileName, String operator) {
        String name = safeName(fileName == null || fileName.isBlank() ? "upload.csv" : fileName);
        return receive(SOURCE_UPLOAD, declaredLength, operator, (job, work, limits) -> {
            Path files = Files.createDirectory(work.resolve("files"));
            job.received(UploadBody.receive(body, files.resolve(name), limits, "CSV text (a UN Comtrade export)",
                    job.progress()));
            return () -> new DirectorySource(files, SOURCE_UPLOAD);
        });
    }

    /** Receives the files of a multipart/form-data upload (BACI year files with their tables, Comtrade exports). */
    public Received receiveFiles(List<UploadedFile> uploaded, String operator) {
        long total = 0;
        for (UploadedFile f : uploaded) {
            total += sizeOf(f.path());
        }
        long declared = total;
        return receive(SOURCE_UPLOAD, declared, operator, (job, work, limits) -> {
            if (uploaded.isEmpty()) {
                throw new UploadRejectedException(Reason.EMPTY, "the multipart upload has no file parts");
            }
            Path files = Files.createDirectory(work.resolve("files"));
            for (UploadedFile f : uploaded) {
                Path target = files.resolve(safeName(f.name()));
                if (Files.exists(target)) {
                    throw new UploadRejectedException(Reason.UNSAFE, "the upload holds file " + f.name() + " twice");
                }
                // the framework deletes its copies when the request ends; an asynchronous ingest reads later
                Files.move(f.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            job.received(declared);
            return () -> new DirectorySource(files, SOURCE_UPLOAD);
        });
    }

    /** Ingests a data-set directory on this machine (BACI layout or Comtrade exports). */
    public IngestResult ingestDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw rejected(new UploadRejectedException(Reason.NOT_A_DATASET, dir + ": not a directory"));
        }
        String label = SOURCE_BOOTSTRAP + dir;
        return process(new Received(jobs.start(label), null, label, () -> new DirectorySource(dir, label)));
    }

    /** Ingests a ZIP archive on this machine. */
    public IngestResult ingestArchiveFile(Path zip) {
        String label = SOURCE_BOOTSTRAP + zip;
        return process(new Received(jobs.start(label), null, label,
                () -> ZipSource.open(zip, config.archiveLimits(), label)));
    }

    /** Re-sends baselines stored by earlier runs that the broker never acknowledged. */
    public List<PublishOutcome> resendUnpublished() {
        return store.versionsWithUnpublished().stream().map(publisher::publishPending).toList();
    }

    /**
     * Reads, stores and publishes a received ingest; the job records how it ended and the work
     * directory is deleted whatever happens.
     *
     * @throws UploadRejectedException   the files are not a usable data set (nothing is stored)
     * @throws IngestCancelledException  cancelled while reading (nothing is stored)
     * @throws PublishFailedException    stored, but not every baseline was acknowledged
     */
    public IngestResult process(Received received) {
        IngestJob job = received.job();
        Timer.Sample timer = Timer.start(registry);
        try {
            job.state(State.READING);
            PreparedDataset data;
            try (DataSource source = received.source().open()) {
                job.progress().totalBytes(source.totalBytes());
                data = PreparedDataset.read(source, config.readOptions(job.progress()));
            }
            job.progress().checkCancelled();
            refuseWithoutUsableRows(data, received.label());
            job.state(State.STORING);
            boolean created = storeOnce(data, received.label(), received.uploadedBy());
            LOG.infof(created ? "stored data set %s (%s) from %s: years %s, %d products, %d rows accepted, %d rejected"
                            : "data set %s (%s) from %s was already stored: nothing created", data.version(), data.format(),
                    received.label(), data.years(), data.products().size(), data.acceptedRows(), data.rejectedRows());
            job.state(State.PUBLISHING);
            PublishOutcome outcome = publisher.publishPending(data.version());
            CurrentDataset.Decision decision = current.afterIngest(stored(data.version()),
                    received.label().startsWith(SOURCE_BOOTSTRAP) ? CurrentDataset.BY_BOOTSTRAP : CurrentDataset.BY_UPLOAD,
                    outcome.complete());
            DatasetSummary summary = stored(data.version());
            timer.stop(registry.timer("rareearth.ingest.duration", "created", String.valueOf(created)));
            registry.counter("rareearth.ingest.datasets", "outcome", created ? "created" : "existing").increment();
            if (created) {
                registry.counter("rareearth.ingest.rows", "kind", "accepted").increment(data.acceptedRows());
                registry.counter("rareearth.ingest.rows", "kind", "rejected").increment(data.rejectedRows());
                registry.counter("rareearth.ingest.rows", "kind", "skipped").increment(data.rows().skipped());
            }
            job.done(data.version(), created);
            if (!outcome.complete()) {
                PublishFailedException e = new PublishFailedException(outcome);
                job.failed(State.FAILED, "NOT_PUBLISHED", e.getMessage());
                throw e;
            }
            return new IngestResult(summary, created, outcome, job.id(), decision);
        } catch (UploadRejectedException e) {
            job.failed(State.FAILED, e.reason().name(), e.getMessage());
            throw rejected(e);
        } catch (IngestCancelledException e) {
            job.failed(State.CANCELLED, "CANCELLED", e.getMessage());
            throw e;
        } catch (IOException e) {
            job.failed(State.FAILED, "IO", e.getMessage());
            throw new UncheckedIOException("could not read " + received.label() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (job.running()) {
                job.failed(State.FAILED, "INTERNAL", String.valueOf(e.getMessage()));
            }
            throw e;
        } finally {
            jobs.finished(job);
            deleteQuietly(received.work());
        }
    }

    private DatasetSummary stored(String version) {
        return store.find(version)
                .orElseThrow(() -> new IllegalStateException("data set " + version + " vanished after storing"));
    }

    /**
     * A data set without one accepted row of the kept products would become nobody's useful basis:
     * refused before anything is stored, saying what was read.
     */
    private void refuseWithoutUsableRows(PreparedDataset data, String label) {
        if (data.acceptedRows() > 0) {
            return;
        }
        String current = this.current.current().map(a -> a.version()).orElse("none yet");
        throw new UploadRejectedException(Reason.NO_USABLE_ROWS, label + " has no usable rows: " + data.rows().read()
                + " data rows read, 0 accepted (" + data.rejectedRows() + " rejected, " + data.rows().skipped()
                + " skipped as not among the kept products " + data.productFilter() + "); nothing is stored and the "
                + "current data set (" + current + ") stays as it is");
    }

    /** What receiving does once the job and its work directory exist. */
    private interface Receiver {
        SourceOpener receive(IngestJob job, Path work, ArchiveLimits limits) throws IOException;
    }

    private Received receive(String label, Long declaredLength, String operator, Receiver receiver) {
        IngestJob job = jobs.start(label);
        ArchiveLimits limits = config.archiveLimits();
        Path work = null;
        try {
            if (declaredLength != null && declaredLength > limits.maxUploadBytes()) {
                throw UploadBody.tooLarge(limits);
            }
            work = Files.createTempDirectory("ingest-upload-");
            return new Received(job, work, label, receiver.receive(job, work, limits), operator);
        } catch (UploadRejectedException e) {
            job.failed(State.FAILED, e.reason().name(), e.getMessage());
            jobs.finished(job);
            deleteQuietly(work);
            throw rejected(e);
        } catch (IngestCancelledException e) {
            job.failed(State.CANCELLED, "CANCELLED", "the ingest was cancelled while the upload was received");
            jobs.finished(job);
            deleteQuietly(work);
            throw e;
        } catch (IOException | RuntimeException e) {
            // a broken connection while receiving: nothing was read, nothing is stored
            job.failed(State.FAILED, "IO", "the upload was not received completely: " + e.getMessage());
            jobs.finished(job);
            deleteQuietly(work);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Stores the data set unless present; a concurrent ingest of the same content counts as present. */
    private boolean storeOnce(PreparedDataset data, String source, String uploadedBy) {
        try {
            return store.storeIfAbsent(data, source, Instant.now(), uploadedBy);
        } catch (RuntimeException e) {
            if (store.find(data.version()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** A file name of an upload as it will be stored: its last path segment, plain characters only. */
    static String safeName(String raw) {
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new UploadRejectedException(Reason.UNSAFE, "file name \"" + name.replaceAll("\\p{Cntrl}", "?")
                    + "\" is not accepted: use letters, digits, '.', '_', '-', ' ', '(' and ')'");
        }
        return name;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
