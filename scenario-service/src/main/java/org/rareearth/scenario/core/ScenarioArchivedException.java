package org.rareearth.scenario.core;

/** An archived scenario is read-only: it takes no further events. */
public final class ScenarioArchivedException extends RuntimeException {

    public ScenarioArchivedException(String id) {
        super("scenario \"" + id + "\" is archived and takes no further events");
    }
}
