package org.rareearth.scenario.persistence;

import java.time.Instant;

/** One version of a scenario for its audit trail: who made it, when, and its document. */
public record VersionRecord(int version, String createdBy, Instant createdAt, String document) {
}
