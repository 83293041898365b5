package org.rareearth.tradedata.baci;

import java.util.Objects;

/**
 * One row of a data file that was rejected (and not used), or one row-level warning.
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

    /**
     * The reason of a row whose exporter and importer are one country. Both readers (BACI and UN
     * Comtrade) reject such a row with these words: a trade file holds flows across borders, and
     * domestic shipments ({@code D0} of MODEL.md 1) are a separate input that no reader takes from
     * trade rows (ingest-service README, "Domestic shipments").
     */
    public static String sameCountry(String iso3) {
        return "exporter and importer are the same country (" + iso3 + "); trade files hold foreign flows only";
    }

    /** {@code BACI_HS17_Y2023_RE.csv:17: column v: malformed number "abc"}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : "column " + column + ": ") + message;
    }
}
