package org.rareearth.shared.events;

import java.util.Objects;

/**
 * Topic {@code scenario.requests}: the current version of one scenario, keyed by
 * {@code scenarioId} (compacted, so the topic holds every scenario's latest version).
 *
 * @param document    the scenario document (MODEL.md 11) as JSON text, validated by scenario-service
 * @param archived    true when the analyst archived the scenario: stop recomputing it
 * @param requestedAt ISO-8601 instant the version was accepted (latency is measured from it)
 * @param requestedBy token subject of whoever made this version (the audit trail, issue 10); optional:
 *                    absent from producers before it and for versions stored before the audit trail
 *                    (an added optional field, so schema version 1 stays: readers ignore unknown fields)
 */
public record ScenarioRequestEvent(int schemaVersion, String scenarioId, int scenarioVersion, boolean archived,
                                   String document, String requestedAt, String requestedBy) implements SchemaVersioned {

    public static final int SCHEMA_VERSION = 1;

    public ScenarioRequestEvent {
        Objects.requireNonNull(scenarioId, "scenarioId");
        if (scenarioVersion < 1) {
            throw new IllegalArgumentException("scenarioVersion must be >= 1, was " + scenarioVersion);
        }
        if (!archived) {
            Objects.requireNonNull(document, "document");
        }
    }

    /** A request without its author (producers and tests from before the audit trail). */
    public ScenarioRequestEvent(int schemaVersion, String scenarioId, int scenarioVersion, boolean archived,
                                String document, String requestedAt) {
        this(schemaVersion, scenarioId, scenarioVersion, archived, document, requestedAt, null);
    }
}
