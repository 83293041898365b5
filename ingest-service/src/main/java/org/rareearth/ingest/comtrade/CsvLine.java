package org.rareearth.ingest.comtrade;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a UN Comtrade CSV export. Fields may be double-quoted ({@code "China, Hong
 * Kong SAR"}, {@code ""} = a quote inside a quoted field); unquoted fields are trimmed (Comtrade
 * pads some codes, e.g. {@code "X1 "}). Quoted fields spanning lines are not supported.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields of {@code line}, unquoted, or {@code null} when a quoted field is not closed. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int n = 0; n < line.length(); n++) {
            char c = line.charAt(n);
            if (quoted) {
                if (c == '"') {
                    if (n + 1 < line.length() && line.charAt(n + 1) == '"') {
                        field.append('"');
                        n++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && !wasQuoted && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                // after a closing quote only blanks are expected; anything else is kept as written
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }
}
