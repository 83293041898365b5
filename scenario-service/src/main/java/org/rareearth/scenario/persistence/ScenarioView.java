package org.rareearth.scenario.persistence;

import org.rareearth.scenario.core.ScenarioStatus;

/** A scenario with its current version and that version's status. */
public record ScenarioView(String id, String name, int version, ScenarioStatus status, String reason, boolean archived,
                           String document, String datasetVersion, int expected, int received, String ownerTeam,
                           boolean shared) {
}
