package org.rareearth.ingest.rest;

import java.util.List;
import org.rareearth.ingest.service.IngestResult;

/**
 * Answer of POST /datasets (201 created / 200 already stored).
 *
 * @param baselines          TradeBaselineEvents of this version
 * @param publishedBaselines how many of them the broker has acknowledged (all, on success)
 */
public record UploadResponse(String version, boolean created, List<Integer> years, List<String> products,
                             long acceptedRows, long rejectedRows, String dataNotice, long baselines,
                             long publishedBaselines) {

    static UploadResponse of(IngestResult r) {
        var d = r.dataset();
        return new UploadResponse(d.version(), r.created(), d.years(), d.products(), d.acceptedRows(), d.rejectedRows(),
                d.dataNotice(), d.baselines(), d.publishedBaselines());
    }
}
