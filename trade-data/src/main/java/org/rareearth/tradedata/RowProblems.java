package org.rareearth.tradedata;

import java.util.List;

/**
 * The words of a rejected row, whatever the format: the BACI and the UN Comtrade readers report
 * the same fault with the same message, so a user who knows one format's problem list reads the
 * other's (ingest-service README, "Problems"). The column goes into {@link DataProblem#column()},
 * not into the message.
 */
public final class RowProblems {

    /** A row whose bytes are not UTF-8 (a file saved as Latin-1, say): names and codes cannot be trusted. */
    public static final String BAD_ENCODING = "bad encoding: not valid UTF-8";
    /** A row with a double quote that is never closed. */
    public static final String UNCLOSED_QUOTE = "a quoted field is not closed";
    /**
     * Headers up to this many columns are spelled out in a wrong-column-count message; a longer
     * one (Comtrade's 47 columns) would repeat a line of text in every stored problem.
     */
    static final int HEADER_SHOWN_UP_TO = 8;

    private RowProblems() {
    }

    /** {@code expected 6 columns (t,i,j,k,v,q), found 3}; a long header is not repeated: {@code (as the header)}. */
    public static String columnCount(List<String> header, int found) {
        String expected = header.size() <= HEADER_SHOWN_UP_TO ? String.join(",", header) : "as the header";
        return "expected " + header.size() + " columns (" + expected + "), found " + found;
    }

    /** An integer field: {@code missing integer} or {@code malformed integer "x"}. */
    public static String badInteger(String raw) {
        return raw.isEmpty() ? "missing integer" : "malformed integer \"" + raw + "\"";
    }

    /** A required number: {@code missing number} or {@code malformed number "x"}. */
    public static String badNumber(String raw) {
        return raw.isEmpty() ? "missing number" : "malformed number \"" + raw + "\"";
    }

    /** A number too large for a double. */
    public static String outOfRange(String raw) {
        return "number out of range \"" + raw + "\"";
    }

    /** A value, quantity or rate below zero. */
    public static String negative(String raw) {
        return "negative value " + raw;
    }

    /**
     * A product code that is not an HS6 code: {@code missing HS6 code} or {@code malformed HS6 code
     * "85051" (six digits)}; {@code rule} says what the format accepts.
     */
    public static String badHs6(String raw, String rule) {
        return raw.isEmpty() ? "missing HS6 code" : "malformed HS6 code \"" + raw + "\" (" + rule + ")";
    }

    /**
     * A second row with the key of an earlier one: {@code duplicate key 2023,USA,CHN,M,850511 (first
     * on line 2)}, with {@code of a.csv} when the first is in another file ({@code firstFile} null =
     * the same file).
     */
    public static String duplicateKey(String key, long firstLine, String firstFile) {
        return "duplicate key " + key + " (first on line " + firstLine + (firstFile == null ? "" : " of " + firstFile) + ")";
    }

    /**
     * The reason of a row whose exporter and importer are one country. A trade file holds flows
     * across borders, and domestic shipments ({@code D0} of MODEL.md 1) are a separate input that no
     * reader takes from trade rows (ingest-service README, "Domestic shipments").
     */
    public static String sameCountry(String iso3) {
        return "exporter and importer are the same country (" + iso3 + "); trade files hold foreign flows only";
    }

    /** A line longer than a reader buffers: not a data row. */
    public static String lineTooLong(int maxBytes) {
        return "line longer than " + maxBytes + " bytes";
    }
}
