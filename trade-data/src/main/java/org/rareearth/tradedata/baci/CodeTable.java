package org.rareearth.tradedata.baci;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.RowProblems;
import org.rareearth.tradedata.source.Csv;

/**
 * A small CSV file of a BACI data set with a header (country, product, tariff tables), read whole;
 * columns are found by name, so CEPII's extra columns and other column orders are accepted.
 */
final class CodeTable {
    final String name;
    final List<String> header;
    final List<Row> rows = new ArrayList<>();

    record Row(long line, List<String> fields) {
        String get(int column) {
            return column < 0 || column >= fields.size() ? "" : fields.get(column);
        }
    }

    private CodeTable(String name, List<String> header) {
        this.name = name;
        this.header = header;
    }

    /** Reads the whole stream (the tables are small); undecodable bytes become U+FFFD. */
    static CodeTable load(String name, InputStream stream) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader in = new BufferedReader(new InputStreamReader(stream, decoder));
        String first = in.readLine();
        if (first == null) {
            throw new BaciFormatException(Path.of(name), "empty file, no header");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = Csv.split(first);
        if (header == null) {
            throw new BaciFormatException(Path.of(name), "header has an unclosed quote");
        }
        CodeTable t = new CodeTable(name, header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
        long n = 1;
        String line;
        while ((line = in.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                t.rows.add(new Row(n, Csv.split(line)));
            }
        }
        return t;
    }

    void requireExactly(List<String> expected) throws BaciFormatException {
        if (!header.equals(expected)) {
            throw new BaciFormatException(Path.of(name), "header must be " + String.join(",", expected) + ", found "
                    + String.join(",", header));
        }
    }

    void requireColumns(List<List<String>> required) throws BaciFormatException {
        for (List<String> alternatives : required) {
            if (alternatives.stream().noneMatch(header::contains)) {
                throw new BaciFormatException(Path.of(name), "header has no column " + String.join(" or ", alternatives)
                        + " (found " + String.join(",", header) + ")");
            }
        }
        Set<String> distinct = new LinkedHashSet<>(header);
        if (distinct.size() != header.size()) {
            throw new BaciFormatException(Path.of(name), "header names a column twice: " + String.join(",", header));
        }
    }

    int column(String... names) {
        for (String n : names) {
            int at = header.indexOf(n);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /** Whether the row has as many fields as the header; if not, reports it. */
    boolean wellFormed(Row row, ProblemLog problems) {
        if (row.fields() == null) {
            problems.add(name, row.line(), null, RowProblems.UNCLOSED_QUOTE);
            return false;
        }
        if (row.fields().size() != header.size()) {
            problems.add(name, row.line(), null, RowProblems.columnCount(header, row.fields().size()));
            return false;
        }
        return true;
    }
}
