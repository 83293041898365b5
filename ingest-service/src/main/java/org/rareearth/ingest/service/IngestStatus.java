package org.rareearth.ingest.service;

import java.time.Instant;

/**
 * GET /ingests/{id}: where one ingest stands.
 *
 * @param state          RECEIVING, READING, STORING, PUBLISHING, DONE, FAILED or CANCELLED
 * @param bytesReceived  bytes of the request body received
 * @param file           the file being read
 * @param bytesRead      bytes of the data files read so far (unpacked), of {@code bytesTotal}
 * @param rowsRead       data rows read = accepted + rejected + skipped (products not kept, records set aside)
 * @param rowsPerSecond  rows read per second of reading (receiving the upload not counted)
 * @param elapsedSeconds since the ingest started (receiving included), to its end once finished
 * @param etaSeconds     estimated seconds left while reading, from the byte rate so far; null when unknown or finished
 * @param version        the data-set version, when done
 * @param created        false when that content was already stored
 * @param reason         why it failed (e.g. NOT_THE_FORMAT, TOO_MANY_ROWS, CANCELLED)
 */
public record IngestStatus(String id, String source, String state, Instant startedAt, Instant finishedAt,
                           long bytesReceived, String file, long bytesRead, long bytesTotal, long rowsRead,
                           long rowsAccepted, long rowsRejected, long rowsSkipped, Double rowsPerSecond,
                           double elapsedSeconds, Double etaSeconds, String version, Boolean created, String reason,
                           String error) {
}
