package org.rareearth.tradedata.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values, as BACI's tables and UN Comtrade exports write them:
 * fields may be double-quoted ({@code "China, Hong Kong SAR"}, {@code ""} = a quote inside a quoted
 * field); unquoted fields are stripped (Comtrade pads some codes, e.g. {@code "X1 "}). Quoted
 * fields spanning lines are not supported by these files.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * The fields of {@code line}, unquoted. Returns {@code null} when a quoted field is not closed
     * (quoted fields spanning lines are not supported by these files).
     */
    public static List<String> split(String line) {
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
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted && Character.isWhitespace(c)) {
                continue; // blanks between a closing quote and the comma
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else {
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
