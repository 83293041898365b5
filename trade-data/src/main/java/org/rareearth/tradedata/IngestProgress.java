package org.rareearth.tradedata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of one ingest, written by the reader thread and read by anyone (the status endpoint,
 * the progress log). Readers report bytes as they consume them and rows in batches, and call
 * {@link #checkCancelled()} between batches so that a cancelled ingest stops promptly.
 */
public final class IngestProgress {

    /** What the status endpoint shows. {@code remaining} is null until a rate is known. */
    public record Snapshot(String file, long bytesRead, long bytesTotal, long rowsRead, long rowsAccepted,
                           long rowsRejected, long rowsSkipped, Duration elapsed, Double rowsPerSecond,
                           Duration remaining) {
    }

    private final Clock clock;
    private volatile Instant started;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsAccepted = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final AtomicLong rowsSkipped = new AtomicLong();
    private volatile String file = "";
    private volatile boolean cancelled;

    public IngestProgress() {
        this(Clock.systemUTC());
    }

    public IngestProgress(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * Reading starts now: rates and time left count from here, not from when the ingest was
     * created (receiving an upload is not reading).
     */
    public void readingStarts() {
        this.started = clock.instant();
    }

    /** The total of bytes the ingest will read, when known (sizes of the files of the source). */
    public void totalBytes(long total) {
        bytesTotal.set(Math.max(0, total));
    }

    /** The file being read now. */
    public void file(String name) {
        this.file = name;
    }

    public void bytes(long n) {
        bytesRead.addAndGet(n);
    }

    /** Adds a batch of rows: read = accepted + rejected + skipped (filtered out, not validated). */
    public void rows(long accepted, long rejected, long skipped) {
        rowsAccepted.addAndGet(accepted);
        rowsRejected.addAndGet(rejected);
        rowsSkipped.addAndGet(skipped);
        rowsRead.addAndGet(accepted + rejected + skipped);
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** @throws IngestCancelledException when {@link #cancel()} was called */
    public void checkCancelled() {
        if (cancelled) {
            throw new IngestCancelledException("the ingest was cancelled while reading " + file);
        }
    }

    public Snapshot snapshot() {
        return snapshot(clock.instant());
    }

    /** The progress as of {@code at} (the end of a finished ingest: its rate does not decay afterwards). */
    public Snapshot snapshot(Instant at) {
        Duration elapsed = Duration.between(started, at.isBefore(started) ? started : at);
        long read = bytesRead.get();
        long total = bytesTotal.get();
        long rows = rowsRead.get();
        double seconds = elapsed.toNanos() / 1e9;
        Double rate = seconds > 0 && rows > 0 ? rows / seconds : null;
        Duration remaining = null;
        if (seconds > 0 && read > 0 && total >= read) {
            // time left from the byte rate so far: rows per file are not known in advance, bytes are
            remaining = Duration.ofMillis(Math.round((total - read) * (seconds / read) * 1000));
        }
        return new Snapshot(file, read, total, rows, rowsAccepted.get(), rowsRejected.get(), rowsSkipped.get(),
                elapsed, rate, remaining);
    }
}
