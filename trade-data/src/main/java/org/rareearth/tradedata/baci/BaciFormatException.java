package org.rareearth.tradedata.baci;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data set that cannot be read at all: a mandatory file is missing or ambiguous, a header is not
 * the expected one, or two year files claim the same year. The message names the file. Row-level
 * faults do not throw; they are collected as {@link DataProblem}s.
 */
public class BaciFormatException extends IOException {

    private final Path file;
    private final String detail;

    /**
     * @param file    the file (or directory) the problem is in; the empty path stands for the data
     *                set as a whole and is left out of the message
     * @param message what is wrong
     */
    public BaciFormatException(Path file, String message) {
        super(file.toString().isEmpty() ? message : file + ": " + message);
        this.file = file;
        this.detail = message;
    }

    /**
     * The file (or directory) the problem is in. {@link BaciReader} gives the bare file name inside
     * its source ({@code Path.of("")} for the data set as a whole); {@link BaciDataset#read(Path)}
     * gives it resolved against the directory.
     */
    public Path file() {
        return file;
    }

    /** The message without the file. */
    public String detail() {
        return detail;
    }
}
