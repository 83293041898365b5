package org.rareearth.kit.http;

import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The problem answers of the read APIs of simulation-service and network-service ({@link Problem}:
 * status, title, detail, {@code error} as before, and the parameter concerned), and the check of a
 * scenario id before it reaches a store.
 */
public final class RequestProblems {

    /**
     * A scenario id as the services write them (scenario-service: UUIDs; tests: short names): letters,
     * digits, '-' and '_' only, so no path ({@code ../}), quote or SQL-like text is ever looked up.
     */
    private static final Pattern SCENARIO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    /** How much of a refused value an answer repeats. */
    private static final int MAX_ECHO = 80;

    private RequestProblems() {
    }

    public static Response response(Response.Status status, String message) {
        return Problem.of(status.getStatusCode(), message).response();
    }

    /** A problem with the request parameter (path segment or query parameter) {@code parameter}. */
    public static Response parameter(Response.Status status, String parameter, String message) {
        return Problem.ofParameter(status.getStatusCode(), parameter, message).response();
    }

    /** A 404 naming the parameter when {@code scenarioId} cannot be a scenario id, else null. */
    public static Response badScenarioId(String scenarioId) {
        if (scenarioId != null && SCENARIO_ID.matcher(scenarioId).matches()) {
            return null;
        }
        String shown = scenarioId == null ? "" : scenarioId.length() > MAX_ECHO
                ? scenarioId.substring(0, MAX_ECHO) + "..." : scenarioId;
        return parameter(Response.Status.NOT_FOUND, "scenarioId", "path segment scenarioId: no scenario '" + shown
                + "' (an id has letters, digits, '-' and '_' only)");
    }
}
