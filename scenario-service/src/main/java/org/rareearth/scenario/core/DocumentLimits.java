package org.rareearth.scenario.core;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.rareearth.shared.scenario.ScenarioProblem;

/**
 * How large a scenario may be. The document limit is what keeps every stored request small enough
 * for the broker to take: a request that is stored but can never be sent would stay pending forever
 * (see {@code RequestSizeCheck}).
 *
 * @param maxDocumentBytes largest document in bytes (UTF-8), both as sent and in canonical form
 * @param maxNameLength    longest {@code name} in characters
 */
public record DocumentLimits(int maxDocumentBytes, int maxNameLength) {

    public DocumentLimits {
        if (maxDocumentBytes < 1 || maxNameLength < 1) {
            throw new IllegalArgumentException("limits must be >= 1, were " + maxDocumentBytes + " bytes and "
                    + maxNameLength + " characters");
        }
    }

    /** The problem of a name that is too long, at field path {@code name}. */
    public Optional<ScenarioProblem> nameProblem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int length = name.codePointCount(0, name.length());
        return length <= maxNameLength ? Optional.empty()
                : Optional.of(new ScenarioProblem("name", "must be at most " + maxNameLength + " characters, was "
                        + length));
    }

    /**
     * Refuses a canonical document over the limit: writing the defaults out can make a document
     * larger than the one the analyst sent.
     *
     * @throws DocumentTooLargeException naming the size and the limit
     */
    public void checkCanonical(String document) {
        int bytes = document.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxDocumentBytes) {
            throw new DocumentTooLargeException("the scenario document is " + bytes
                    + " bytes in canonical form (defaults written out, as it is stored and published)", maxDocumentBytes);
        }
    }
}
