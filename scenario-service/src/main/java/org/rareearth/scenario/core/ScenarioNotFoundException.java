package org.rareearth.scenario.core;

/** No scenario with this id. */
public final class ScenarioNotFoundException extends RuntimeException {

    public ScenarioNotFoundException(String id) {
        super("no scenario with id \"" + id + "\"");
    }
}
