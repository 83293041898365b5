package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One scenario file as the launcher ran it: what scenario-service finally said, and the forecast
 * when it was ready.
 *
 * @param forecast null unless {@code status} is ready
 */
public record ScenarioRun(Path file, String name, String id, int horizon, String status, String reason, JsonNode forecast) {

    public boolean ready() {
        return forecast != null;
    }

    public boolean isBaseline() {
        return file.getFileName().toString().equals(StackLauncher.BASELINE_FILE);
    }
}
