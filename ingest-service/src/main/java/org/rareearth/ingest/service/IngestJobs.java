package org.rareearth.ingest.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.rareearth.ingest.config.IngestConfig;

/**
 * The ingests of this instance: running ones and the last finished ones, and a progress line in
 * the log for each running ingest every {@code rareearth.ingest.progress-log-interval}.
 */
@ApplicationScoped
public class IngestJobs {

    private static final Logger LOG = Logger.getLogger(IngestJobs.class);
    private static final double MB = 1024.0 * 1024.0;

    @Inject
    IngestConfig config;

    private final Map<String, IngestJob> running = new ConcurrentHashMap<>();
    private final Deque<IngestJob> finished = new ArrayDeque<>();
    private ScheduledExecutorService ticker;

    @PostConstruct
    void startTicker() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-progress");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.progressLogInterval().toMillis());
        ticker.scheduleAtFixedRate(this::logProgress, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTicker() {
        ticker.shutdownNow();
    }

    IngestJob start(String source) {
        IngestJob job = new IngestJob(source);
        running.put(job.id(), job);
        return job;
    }

    /** Moves a job that reached an end state to the finished list. */
    void finished(IngestJob job) {
        running.remove(job.id());
        synchronized (finished) {
            finished.addFirst(job);
            while (finished.size() > config.finishedIngestsKept()) {
                finished.removeLast();
            }
        }
        IngestStatus s = job.status();
        LOG.infof("ingest %s from %s %s after %.1f s: %d rows read, %d accepted, %d rejected, %d skipped%s", s.id(),
                s.source(), s.state(), s.elapsedSeconds(), s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                s.rowsSkipped(), s.error() == null ? "" : " (" + s.error() + ")");
    }

    /** Running ingests first (oldest first), then finished ones, newest first. */
    public List<IngestStatus> list() {
        List<IngestStatus> out = new ArrayList<>();
        running.values().stream().map(IngestJob::status)
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt())).forEach(out::add);
        synchronized (finished) {
            finished.forEach(j -> out.add(j.status()));
        }
        return out;
    }

    public Optional<IngestJob> find(String id) {
        IngestJob job = running.get(id);
        if (job != null) {
            return Optional.of(job);
        }
        synchronized (finished) {
            return finished.stream().filter(j -> j.id().equals(id)).findFirst();
        }
    }

    private void logProgress() {
        for (IngestJob job : running.values()) {
            IngestStatus s = job.status();
            if (!IngestJob.State.READING.name().equals(s.state())) {
                continue;
            }
            LOG.infof("ingest %s reading %s: %d rows read (%d accepted, %d rejected, %d skipped), %.1f of %.1f MB, "
                            + "%s rows/s, %s", s.id(), s.file(), s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                    s.rowsSkipped(), s.bytesRead() / MB, s.bytesTotal() / MB,
                    s.rowsPerSecond() == null ? "?" : String.format("%.0f", s.rowsPerSecond()),
                    s.etaSeconds() == null ? "time left unknown" : String.format("about %.0f s left", s.etaSeconds()));
        }
    }
}
