package org.rareearth.ingest.rest;

import java.util.List;
import org.rareearth.ingest.service.IngestResult;

/**
 * Answer of POST /datasets (201 created / 200 already stored).
 *
 * @param baselines          TradeBaselineEvents of this version
 * @param publishedBaselines how many of them the broker has acknowledged (all, on success)
 * @param ingest             the ingest under /ingests/{id}
 * @param current            this version is the current one (forecasts that pin none are solved on it)
 * @param currentVersion     the current version after this upload
 * @param notCurrentReason   why this version did not become current (null when it is current)
 */
public record UploadResponse(String version, boolean created, String format, List<Integer> years,
                             List<String> products, long rowsRead, long acceptedRows, long rejectedRows,
                             long skippedRows, String dataNotice, long baselines, long publishedBaselines,
                             String ingest, boolean current, String currentVersion, String notCurrentReason) {

    static UploadResponse of(IngestResult r) {
        var d = r.dataset();
        return new UploadResponse(d.version(), r.created(), d.format(), d.years(), d.products(), d.rowsRead(),
                d.acceptedRows(), d.rejectedRows(), d.skippedRows(), d.dataNotice(), d.baselines(),
                d.publishedBaselines(), r.ingestId(), d.current(), r.current().currentVersion(),
                r.current().notCurrentReason());
    }
}
