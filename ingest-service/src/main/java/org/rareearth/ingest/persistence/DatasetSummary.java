package org.rareearth.ingest.persistence;

import java.time.Instant;
import java.util.List;

/**
 * A stored data-set version as the REST API shows it.
 *
 * @param baselines          TradeBaselineEvents of this version (years x products)
 * @param publishedBaselines how many of them the broker acknowledged
 */
public record DatasetSummary(String version, Instant createdAt, String source, List<Integer> years,
                             List<String> products, int countries, long acceptedRows, long rejectedRows,
                             String dataNotice, boolean noticeRecorded, long baselines, long publishedBaselines) {
}
