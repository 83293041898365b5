package org.rareearth.tradedata.baci;

import java.util.regex.Pattern;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.RowProblems;

/**
 * Field checks of one row parsed as text (the small tables, and the rare year-file row with
 * quotes); every failure is recorded and marks the row as rejected. {@link YearFileParser} checks
 * the other year-file rows on their bytes with the same rules and words.
 */
final class FieldCheck {
    private final ProblemLog problems;
    final String file;
    final long line;
    boolean failed;

    /** What BACI accepts as a product code: CEPII writes {@code 10121} for {@code 010121}. */
    static final String HS6_RULE = "up to six digits";
    static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    static final Pattern HS6 = Pattern.compile("\\d{1,6}");

    FieldCheck(ProblemLog problems, String file, long line) {
        this.problems = problems;
        this.file = file;
        this.line = line;
    }

    void fail(String column, String message) {
        problems.add(file, line, column, message);
        failed = true;
    }

    Integer integer(String raw, String column) {
        if (!INTEGER.matcher(raw).matches()) {
            fail(column, RowProblems.badInteger(raw));
            return null;
        }
        return Integer.parseInt(raw.startsWith("+") ? raw.substring(1) : raw);
    }

    /** A 6-digit HS code; shorter integers are left-padded with zeros. */
    String hs6(String raw, String column) {
        if (!HS6.matcher(raw).matches()) {
            fail(column, RowProblems.badHs6(raw, HS6_RULE));
            return null;
        }
        return "0".repeat(6 - raw.length()) + raw;
    }

    /** A finite number >= 0; with {@code optional}, empty or NA give NaN. NaN on failure. */
    double amount(String raw, String column, boolean optional) {
        if (optional && (raw.isEmpty() || raw.equalsIgnoreCase("NA"))) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(raw).matches()) {
            fail(column, RowProblems.badNumber(raw));
            return Double.NaN;
        }
        double x = Double.parseDouble(raw);
        if (Double.isInfinite(x)) {
            fail(column, RowProblems.outOfRange(raw));
            return Double.NaN;
        }
        if (x < 0) {
            fail(column, RowProblems.negative(raw));
            return Double.NaN;
        }
        return x + 0.0; // no negative zero
    }
}
