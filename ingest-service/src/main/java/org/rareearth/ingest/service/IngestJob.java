package org.rareearth.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.rareearth.tradedata.IngestProgress;

/**
 * One ingest as the status endpoint shows it while it runs and for a while after: its state, its
 * progress and, at the end, the version it produced or why it failed. Jobs live in memory only:
 * the data set itself is stored atomically, so a restart loses the job list, never half a data set.
 */
public final class IngestJob {

    /** RECEIVING the body, READING the files, STORING in one transaction, PUBLISHING the baselines, then an end state. */
    public enum State { RECEIVING, READING, STORING, PUBLISHING, DONE, FAILED, CANCELLED }

    private final String id = UUID.randomUUID().toString();
    private final String source;
    private final Instant startedAt = Instant.now();
    private final IngestProgress progress = new IngestProgress();
    private volatile State state = State.RECEIVING;
    private volatile long bytesReceived;
    private volatile String version;
    private volatile Boolean created;
    private volatile String error;
    private volatile String reason;
    private volatile Instant finishedAt;

    IngestJob(String source) {
        this.source = source;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public IngestProgress progress() {
        return progress;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return finishedAt == null;
    }

    void state(State next) {
        if (next == State.READING) {
            progress.readingStarts();
        }
        this.state = next;
    }

    void received(long bytes) {
        this.bytesReceived = bytes;
    }

    void done(String version, boolean created) {
        this.version = version;
        this.created = created;
        finish(State.DONE);
    }

    void failed(State end, String reason, String error) {
        this.reason = reason;
        this.error = error;
        finish(end);
    }

    private void finish(State end) {
        this.state = end;
        this.finishedAt = Instant.now();
    }

    public IngestStatus status() {
        Instant end = finishedAt;
        IngestProgress.Snapshot p = end == null ? progress.snapshot() : progress.snapshot(end);
        Double eta = end == null && p.remaining() != null ? p.remaining().toMillis() / 1000.0 : null;
        double elapsed = Duration.between(startedAt, end == null ? Instant.now() : end).toMillis() / 1000.0;
        return new IngestStatus(id, source, state.name(), startedAt, finishedAt, bytesReceived, p.file(),
                p.bytesRead(), p.bytesTotal(), p.rowsRead(), p.rowsAccepted(), p.rowsRejected(), p.rowsSkipped(),
                p.rowsPerSecond() == null ? null : Math.round(p.rowsPerSecond() * 10) / 10.0,
                elapsed, eta, version, created, reason, error);
    }
}
