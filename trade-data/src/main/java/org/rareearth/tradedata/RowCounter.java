package org.rareearth.tradedata;

import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * The row counts of one read ({@link TradeData.RowCounts}), the row limit
 * ({@link ReadOptions#maxRows()}) and the progress reports made of them, the same for every format.
 * Every data row is {@link #read counted once} and then classified once: accepted, rejected or skipped.
 */
public final class RowCounter {

    private final long maxRows;
    private final IngestProgress progress;
    private long read;
    private long accepted;
    private long rejected;
    private long skipped;
    private long reportedAccepted;
    private long reportedRejected;
    private long reportedSkipped;

    public RowCounter(ReadOptions options) {
        this.maxRows = options.maxRows();
        this.progress = options.progress();
    }

    /**
     * Counts one data row of {@code file} at {@code line}.
     *
     * @throws UploadRejectedException TOO_MANY_ROWS when it is one more than the limit
     */
    public void read(String file, long line) {
        if (++read > maxRows) {
            throw new UploadRejectedException(Reason.TOO_MANY_ROWS, "more than " + maxRows
                    + " data rows (rareearth.ingest.max-rows); stopped at " + file + " line " + line);
        }
    }

    public void accepted() {
        accepted++;
    }

    public void rejected() {
        rejected++;
    }

    public void skipped() {
        skipped++;
    }

    /** Data rows counted so far. */
    public long rowsRead() {
        return read;
    }

    /**
     * Reports the rows classified since the last report to the progress.
     *
     * @throws IngestCancelledException the progress was cancelled meanwhile
     */
    public void report() {
        progress.rows(accepted - reportedAccepted, rejected - reportedRejected, skipped - reportedSkipped);
        reportedAccepted = accepted;
        reportedRejected = rejected;
        reportedSkipped = skipped;
        progress.checkCancelled();
    }

    public TradeData.RowCounts counts() {
        return new TradeData.RowCounts(read, accepted, rejected, skipped);
    }
}
