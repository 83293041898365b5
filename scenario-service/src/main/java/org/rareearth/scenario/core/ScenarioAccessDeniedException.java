package org.rareearth.scenario.core;

/** The caller's role allows the operation, but not on this scenario (another team's: {@link Ownership}). */
public final class ScenarioAccessDeniedException extends RuntimeException {

    private final String id;

    public ScenarioAccessDeniedException(String id, String message) {
        super(message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
