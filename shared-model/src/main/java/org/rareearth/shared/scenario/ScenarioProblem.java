package org.rareearth.shared.scenario;

import java.util.Objects;

/**
 * One reason a scenario document was rejected.
 *
 * @param path    the field, e.g. {@code events[2].rate} or {@code groups.MSP[3]}; empty for the
 *                document as a whole (e.g. malformed JSON)
 * @param message what is wrong, e.g. {@code must be >= 0, was -0.1}
 */
public record ScenarioProblem(String path, String message) {

    public ScenarioProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code events[2].rate: must be >= 0, was -0.1}. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
