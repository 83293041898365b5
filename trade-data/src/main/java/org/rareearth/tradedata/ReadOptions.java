package org.rareearth.tradedata;

import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException;

/**
 * What a reader keeps and how far it goes.
 *
 * @param products    the products kept; rows of others are skipped
 * @param maxRows     most data rows read from all files together; more is refused
 *                    ({@code UploadRejectedException(TOO_MANY_ROWS)})
 * @param maxProblems most problems recorded; more is refused ({@code TOO_MANY_PROBLEMS}): a file
 *                    that faulty is almost certainly not what it claims to be
 * @param progress    where the reader reports progress and learns of cancellation
 */
public record ReadOptions(ProductFilter products, long maxRows, int maxProblems, IngestProgress progress) {

    /** Every product, no limits that matter, progress discarded: the command line and tests. */
    public static ReadOptions everything() {
        return new ReadOptions(ProductFilter.all(), Long.MAX_VALUE, Integer.MAX_VALUE, new IngestProgress());
    }

    public ReadOptions withProducts(ProductFilter filter) {
        return new ReadOptions(filter, maxRows, maxProblems, progress);
    }
}
