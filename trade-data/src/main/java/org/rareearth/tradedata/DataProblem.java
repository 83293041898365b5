package org.rareearth.tradedata;

import java.util.Objects;

/**
 * One row of a data file that was rejected (and not used), or one row-level warning. The messages
 * both readers use are defined once, in {@link RowProblems}.
 *
 * @param file    the file name (without directory), e.g. {@code BACI_HS17_Y2023_RE.csv}
 * @param line    1-based line number; the header is line 1
 * @param column  the column the problem is in, or {@code null} when it concerns the whole row
 * @param message what is wrong, e.g. {@code malformed number "abc"}
 */
public record DataProblem(String file, long line, String column, String message) {

    public DataProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }


    /** {@code BACI_HS17_Y2023_RE.csv:17: column v: malformed number "abc"}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : "column " + column + ": ") + message;
    }
}
