package org.rareearth.scenario.persistence;

import org.rareearth.scenario.core.ScenarioStatus;

/** A scenario in a list: its current version and that version's status, without the document. */
public record ScenarioSummary(String id, String name, int version, ScenarioStatus status, boolean archived) {

    /** As the query selects it: the status by its stored name. */
    public ScenarioSummary(String id, String name, int version, String status, boolean archived) {
        this(id, name, version, ScenarioStatus.valueOf(status), archived);
    }
}
