package org.rareearth.ingest.baci;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data directory that cannot be read at all: a mandatory file is missing, a header is not the
 * expected one, or two year files claim the same year. The message names the file. Row-level
 * faults do not throw; they are collected as {@link DataProblem}s.
 */
public class BaciFormatException extends IOException {

    private final Path file;

    public BaciFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** The file (or directory) the problem is in. */
    public Path file() {
        return file;
    }
}
