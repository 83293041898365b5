package org.rareearth.scenario.persistence;

import java.time.Instant;

/**
 * What a scenario request publishes: a stored version (or the archiving of a scenario).
 *
 * @param requestedBy token subject of whoever made the version; null for one stored before the audit trail
 */
public record StoredRequest(String scenarioId, int version, boolean archived, String document, Instant requestedAt,
                            String status, String requestedBy) {
}
