package org.rareearth.scenario.rest;

import java.util.regex.Pattern;
import org.rareearth.scenario.core.ScenarioNotFoundException;

/**
 * A scenario id from a path, checked before it is used: this service names scenarios by UUID, so
 * anything else (a path like {@code ../x}, SQL-like text, a huge segment) is an unknown scenario
 * and never reaches the store.
 */
final class ScenarioIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** How much of an unknown id a 404 repeats. */
    private static final int MAX_ECHO = 80;

    private ScenarioIds() {
    }

    /** @throws ScenarioNotFoundException the id is not a UUID (404, naming the parameter id) */
    static void check(String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            String shown = id == null ? "" : id.length() > MAX_ECHO ? id.substring(0, MAX_ECHO) + "..." : id;
            throw new ScenarioNotFoundException(shown);
        }
    }
}
