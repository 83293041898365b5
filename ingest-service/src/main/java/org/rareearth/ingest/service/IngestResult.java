package org.rareearth.ingest.service;

import org.rareearth.ingest.messaging.PublishOutcome;
import org.rareearth.ingest.persistence.DatasetSummary;

/**
 * The answer to one ingest.
 *
 * @param created   true when this ingest stored a new version, false when the content was already stored
 * @param published what was sent in this ingest (nothing for content already stored and published)
 * @param ingestId  the job under /ingests/{id}
 * @param current   whether the version became (or stayed) current, and if not why
 */
public record IngestResult(DatasetSummary dataset, boolean created, PublishOutcome published, String ingestId,
                           CurrentDataset.Decision current) {
}
