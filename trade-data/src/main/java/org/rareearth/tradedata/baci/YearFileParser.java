package org.rareearth.tradedata.baci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.RowCounter;
import org.rareearth.tradedata.RowProblems;
import org.rareearth.tradedata.source.Csv;

/**
 * The byte-level parser of one BACI year file ({@code t,i,j,k,v,q}). The file is read once, as
 * bytes, in a growing buffer of at most {@link #MAX_LINE} bytes a line: a row's product column
 * {@code k} is parsed first, and a row of a product the {@link ProductFilter} does not keep is
 * counted as skipped without further validation (a row with the wrong number of columns or an
 * unparseable {@code k} is rejected even then). Kept rows are validated field by field with the
 * rules and words of {@link FieldCheck}; the rare row with double quotes is split as text and
 * checked by {@link FieldCheck} itself. Memory is bounded by the accepted rows.
 */
final class YearFileParser {

    /** Rows between two progress reports (and cancellation checks). */
    static final int PROGRESS_EVERY = 1 << 16;
    /** Longest line of a year file; a longer one is rejected and skipped. */
    static final int MAX_LINE = 1 << 20;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int n = 0; n < POW10.length; n++) {
            POW10[n] = p;
            p *= 10;
        }
    }

    private final String name;
    private final int fileYear;
    private final InputStream in;
    private final ReferenceTables tables;
    private final ProductFilter filter;
    private final ProblemLog problems;
    private final RowCounter rows;
    private final List<TradeFlow> out = new ArrayList<>();
    private final RowKeyIndex seen = new RowKeyIndex();
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final int[] commas = new int[5];
    private byte[] buf;
    private long line;
    private long untilReport = PROGRESS_EVERY;
    /** Whether the row being validated has a problem. */
    private boolean failed;

    YearFileParser(String name, int fileYear, InputStream in, ReferenceTables tables, ProductFilter filter,
                   ProblemLog problems, RowCounter rows) {
        this.tables = tables;
        this.filter = filter;
        this.problems = problems;
        this.rows = rows;
        this.name = name;
        this.fileYear = fileYear;
        this.in = in;
    }

    List<TradeFlow> read() throws IOException {
        buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        int scan = 0;
        boolean eof = false;
        boolean discarding = false;
        while (true) {
            int nl = -1;
            for (int p = scan; p < end; p++) {
                if (buf[p] == '\n') {
                    nl = p;
                    break;
                }
            }
            if (nl >= 0) {
                if (discarding) {
                    discarding = false;
                } else {
                    line(start, nl);
                }
                start = nl + 1;
                scan = start;
                continue;
            }
            if (eof) {
                if (start < end && !discarding) {
                    line(start, end);
                }
                break;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buf.length) {
                if (buf.length < MAX_LINE) {
                    buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 4));
                } else if (!discarding) {
                    // a line this long is not a BACI row: reject it and drop bytes up to the next line break
                    overlong();
                    discarding = true;
                    end = 0;
                } else {
                    end = 0;
                }
            }
            scan = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
        if (line == 0) {
            throw new BaciFormatException(Path.of(name), "empty file, no header");
        }
        report();
        return out;
    }

    private void overlong() {
        line++;
        countRow();
        problems.add(name, line, null, RowProblems.lineTooLong(MAX_LINE));
        rows.rejected();
        tick();
    }

    private void report() {
        rows.report();
    }

    private void countRow() {
        rows.read(name, line);
    }

    /** After a row is classified (accepted, rejected or skipped): a progress report every batch. */
    private void tick() {
        if (--untilReport == 0) {
            untilReport = PROGRESS_EVERY;
            report();
        }
    }

    /** One line: bytes {@code [from, to)} without the line feed. */
    private void line(int from, int to) throws IOException {
        line++;
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        if (line == 1) {
            header(from, to);
            return;
        }
        int count = 0;
        int high = 0;
        boolean quote = false;
        for (int p = from; p < to; p++) {
            byte b = buf[p];
            if (b == ',') {
                if (count < 5) {
                    commas[count] = p;
                }
                count++;
            } else if (b == '"') {
                quote = true;
            }
            high |= b;
        }
        if (count == 0 && blank(from, to)) {
            return;
        }
        countRow();
        row(from, to, count, high, quote);
        tick();
    }

    private void row(int from, int to, int count, int high, boolean quote) {
        if (quote) {
            quoted(from, to);
            return;
        }
        if (count != 5) {
            wrongColumns(count + 1);
            return;
        }
        int k = parseHs6(commas[2] + 1, commas[3]);
        if (k >= 0 && !filter.keeps(k)) {
            rows.skipped();
            return;
        }
        if ((high & 0x80) != 0 && !validUtf8(from, to)) {
            problems.add(name, line, null, RowProblems.BAD_ENCODING);
            rows.rejected();
            return;
        }
        validate(from, to, k);
    }

    private void header(int from, int to) throws BaciFormatException {
        if (to - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
                && (buf[from + 2] & 0xff) == 0xBF) {
            from += 3;
        }
        String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
        List<String> fields = Csv.split(text);
        List<String> header = fields == null ? List.of(text)
                : fields.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(BaciFiles.YEAR_HEADER)) {
            throw new BaciFormatException(Path.of(name), "header must be " + String.join(",", BaciFiles.YEAR_HEADER)
                    + ", found " + String.join(",", header));
        }
    }

    private boolean blank(int from, int to) {
        for (int p = from; p < to; p++) {
            if (buf[p] < 0 || buf[p] > ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean validUtf8(int from, int to) {
        try {
            strict.reset().decode(ByteBuffer.wrap(buf, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void wrongColumns(int found) {
        problems.add(name, line, null, RowProblems.columnCount(BaciFiles.YEAR_HEADER, found));
        rows.rejected();
    }

    /** A row with double quotes: rare, split as text. */
    private void quoted(int from, int to) {
        failed = false;
        if (!validUtf8(from, to)) {
            problems.add(name, line, null, RowProblems.BAD_ENCODING);
            rows.rejected();
            return;
        }
        List<String> fields = Csv.split(new String(buf, from, to - from, StandardCharsets.UTF_8));
        if (fields == null) {
            problems.add(name, line, null, RowProblems.UNCLOSED_QUOTE);
            rows.rejected();
            return;
        }
        if (fields.size() != 6) {
            wrongColumns(fields.size());
            return;
        }
        String rawK = fields.get(3);
        if (FieldCheck.HS6.matcher(rawK).matches() && !filter.keeps(Integer.parseInt(rawK))) {
            rows.skipped();
            return;
        }
        FieldCheck check = new FieldCheck(problems, name, line);
        Integer year = check.integer(fields.get(0), "t");
        if (year != null && year != fileYear) {
            check.fail("t", "year " + year + " disagrees with the file name (" + fileYear + ")");
        }
        Integer i = check.integer(fields.get(1), "i");
        String exporter = i == null ? null : country(i, "i", "exporter");
        Integer j = check.integer(fields.get(2), "j");
        String importer = j == null ? null : country(j, "j", "importer");
        if (exporter != null && exporter.equals(importer)) {
            fail("i,j", RowProblems.sameCountry(exporter));
        }
        String hs6 = check.hs6(rawK, "k");
        if (hs6 != null && !tables.products.containsKey(hs6)) {
            fail("k", tables.unknownProduct(hs6));
        }
        double v = check.amount(fields.get(4), "v", false);
        double q = check.amount(fields.get(5), "q", true);
        if (check.failed || failed) {
            failed = false;
            rows.rejected();
            return;
        }
        accept(year, i, j, Integer.parseInt(hs6), exporter, importer, hs6, v, q, fields.get(1), fields.get(2), rawK);
    }

    /** Field checks of a kept (or unclassifiable) row, in column order, as {@link FieldCheck} words them. */
    private void validate(int from, int to, int k) {
        failed = false;
        int year = integer(from, commas[0], "t");
        if (year != Integer.MIN_VALUE && year != fileYear) {
            fail("t", "year " + year + " disagrees with the file name (" + fileYear + ")");
        }
        int i = integer(commas[0] + 1, commas[1], "i");
        String exporter = i == Integer.MIN_VALUE ? null : country(i, "i", "exporter");
        int j = integer(commas[1] + 1, commas[2], "j");
        String importer = j == Integer.MIN_VALUE ? null : country(j, "j", "importer");
        if (exporter != null && exporter.equals(importer)) {
            // as the Comtrade reader: BACI lists foreign flows only, a diagonal row is an error
            fail("i,j", RowProblems.sameCountry(exporter));
        }
        String hs6 = null;
        if (k < 0) {
            String raw = text(commas[2] + 1, commas[3]);
            fail("k", RowProblems.badHs6(raw, FieldCheck.HS6_RULE));
        } else {
            hs6 = tables.productByNumber.get(k);
            if (hs6 == null) {
                fail("k", tables.unknownProduct(pad(k)));
            }
        }
        double v = amount(commas[3] + 1, commas[4], "v", false);
        double q = amount(commas[4] + 1, to, "q", true);
        if (failed) {
            rows.rejected();
            return;
        }
        accept(year, i, j, k, exporter, importer, hs6, v, q, null, null, null);
    }

    private void accept(int year, int i, int j, int k, String exporter, String importer, String hs6, double v,
                        double q, String rawI, String rawJ, String rawK) {
        long key = ((long) (tables.countryIndex.index(i) + 1) << 40) | ((long) (tables.countryIndex.index(j) + 1) << 20) | k;
        long first = seen.putIfAbsent(key, line);
        if (first >= 0) {
            String ri = rawI != null ? rawI : text(commas[0] + 1, commas[1]);
            String rj = rawJ != null ? rawJ : text(commas[1] + 1, commas[2]);
            String rk = rawK != null ? rawK : text(commas[2] + 1, commas[3]);
            problems.add(name, line, "t,i,j,k", RowProblems.duplicateKey(year + "," + ri + "," + rj + "," + rk, first,
                    null));
            rows.rejected();
            return;
        }
        out.add(new TradeFlow(year, exporter, importer, hs6, v, q));
        rows.accepted();
    }

    private void fail(String column, String message) {
        problems.add(name, line, column, message);
        failed = true;
    }

    private String country(int code, String column, String role) {
        String iso3 = tables.countryIndex.iso3(code);
        if (iso3 == null) {
            fail(column, tables.codesWithoutIso3.contains(code)
                    ? role + " code " + code + " has no ISO3 code in " + tables.countryFile
                    : "unknown " + role + " code " + code + " (not in " + tables.countryFile + ")");
        }
        return iso3;
    }

    /** The field {@code [from, to)} without surrounding blanks, as text (messages only). */
    private String text(int from, int to) {
        while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
            to--;
        }
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    /** {@code \d{1,6}} after trimming, or -1. */
    private int parseHs6(int from, int to) {
        while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
            from++;
        }
        while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
            to--;
        }
        int length = to - from;
        if (length < 1 || length > 6) {
            return -1;
        }
        int value = 0;
        for (int p = from; p < to; p++) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** {@code [+-]?\d{1,9}} after trimming; Integer.MIN_VALUE (and a problem) otherwise. */
    private int integer(int from, int to, String column) {
        int a = from;
        int b = to;
        while (a < b && buf[a] >= 0 && buf[a] <= ' ') {
            a++;
        }
        while (b > a && buf[b - 1] >= 0 && buf[b - 1] <= ' ') {
            b--;
        }
        boolean negative = false;
        int p = a;
        if (p < b && (buf[p] == '+' || buf[p] == '-')) {
            negative = buf[p] == '-';
            p++;
        }
        int digits = b - p;
        if (digits >= 1 && digits <= 9) {
            int value = 0;
            for (; p < b; p++) {
                int d = buf[p] - '0';
                if (d < 0 || d > 9) {
                    value = -1;
                    break;
                }
                value = value * 10 + d;
            }
            if (value >= 0) {
                return negative ? -value : value;
            }
        }
        String raw = text(from, to);
        fail(column, RowProblems.badInteger(raw));
        return Integer.MIN_VALUE;
    }

    /**
     * A finite number >= 0 ({@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}); with {@code optional},
     * empty or NA give NaN. NaN (and a problem) on failure. The value is exactly what
     * {@link Double#parseDouble} gives: short decimals are computed as one correctly rounded
     * division of two exact doubles, the rest goes to the JDK.
     */
    private double amount(int from, int to, String column, boolean optional) {
        int a = from;
        int b = to;
        while (a < b && buf[a] >= 0 && buf[a] <= ' ') {
            a++;
        }
        while (b > a && buf[b - 1] >= 0 && buf[b - 1] <= ' ') {
            b--;
        }
        if (optional && (a == b || (b - a == 2 && (buf[a] | 0x20) == 'n' && (buf[a + 1] | 0x20) == 'a'))) {
            return Double.NaN;
        }
        int p = a;
        boolean negative = false;
        if (p < b && (buf[p] == '+' || buf[p] == '-')) {
            negative = buf[p] == '-';
            p++;
        }
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        int fracDigits = 0;
        while (p < b && buf[p] >= '0' && buf[p] <= '9') {
            mantissa = accumulate(mantissa, buf[p]);
            significant += mantissa == 0 ? 0 : 1;
            intDigits++;
            p++;
        }
        if (p < b && buf[p] == '.') {
            p++;
            while (p < b && buf[p] >= '0' && buf[p] <= '9') {
                mantissa = accumulate(mantissa, buf[p]);
                significant += mantissa == 0 ? 0 : 1;
                fracDigits++;
                p++;
            }
        }
        boolean exponent = false;
        boolean ok = intDigits + fracDigits > 0;
        if (ok && p < b && (buf[p] == 'e' || buf[p] == 'E')) {
            exponent = true;
            p++;
            if (p < b && (buf[p] == '+' || buf[p] == '-')) {
                p++;
            }
            int expDigits = 0;
            while (p < b && buf[p] >= '0' && buf[p] <= '9') {
                expDigits++;
                p++;
            }
            ok = expDigits > 0;
        }
        if (!ok || p != b) {
            String raw = text(from, to);
            fail(column, RowProblems.badNumber(raw));
            return Double.NaN;
        }
        double x;
        if (!exponent && significant <= 15 && fracDigits < POW10.length) {
            x = mantissa / POW10[fracDigits];
            x = negative ? -x : x;
        } else {
            x = Double.parseDouble(new String(buf, a, b - a, StandardCharsets.ISO_8859_1));
        }
        if (Double.isInfinite(x)) {
            fail(column, RowProblems.outOfRange(text(from, to)));
            return Double.NaN;
        }
        if (x < 0) {
            fail(column, RowProblems.negative(text(from, to)));
            return Double.NaN;
        }
        return x + 0.0; // no negative zero
    }

    private static long accumulate(long mantissa, byte digit) {
        // past 18 digits the value is not used (the JDK parses it), only the count matters
        return mantissa < 100_000_000_000_000_000L ? mantissa * 10 + (digit - '0') : mantissa;
    }

    private static String pad(int k) {
        String s = Integer.toString(k);
        return "0".repeat(6 - s.length()) + s;
    }
}
