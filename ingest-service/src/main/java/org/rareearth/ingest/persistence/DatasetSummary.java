package org.rareearth.ingest.persistence;

import java.time.Instant;
import java.util.List;

/**
 * A stored data-set version as the REST API shows it.
 *
 * @param baselines          TradeBaselineEvents of this version (years x products)
 * @param publishedBaselines how many of them the broker acknowledged
 * @param format             BACI or UN Comtrade
 * @param productFilter      "all" or the HS6 codes kept
 * @param rowsRead           data rows read = accepted + rejected + skipped
 * @param skippedRows        rows of products not kept, and records a reconciliation set aside
 * @param current            this is the current version (GET /datasets/current): forecasts that pin
 *                           no version are solved on it
 * @param uploadedBy         token subject of the operator who uploaded it first (audit trail); null for a
 *                           version read from the service's own disk or stored before the audit trail
 */
public record DatasetSummary(String version, Instant createdAt, String source, List<Integer> years,
                             List<String> products, int countries, long acceptedRows, long rejectedRows,
                             String dataNotice, boolean noticeRecorded, long baselines, long publishedBaselines,
                             String format, String productFilter, long rowsRead, long skippedRows,
                             boolean current, String uploadedBy) {
}
