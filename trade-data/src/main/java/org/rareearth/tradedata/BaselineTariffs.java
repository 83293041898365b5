package org.rareearth.tradedata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Documented baseline wedges from {@code tariffs.csv} (ad-valorem fractions). Rows are additive:
 * the wedge an importer applies to an exporter's product in a year is the sum of every row for
 * that year, importer and HS6 whose exporter is that exporter or {@code "*"} (every exporter).
 * Pairs and years without a row have a zero wedge; a domestic pair (importer = exporter) is always
 * zero, because wedges apply to foreign pairs only (MODEL.md 12).
 */
public final class BaselineTariffs {

    /** Exporter wildcard in {@code tariffs.csv}. */
    public static final String ANY_EXPORTER = "*";

    /** One row of {@code tariffs.csv}. */
    public record Row(int year, String importer, String exporter, String hs6, double rate, String measure,
                      String source) {
        public Row {
            Objects.requireNonNull(importer, "importer");
            Objects.requireNonNull(exporter, "exporter");
            Objects.requireNonNull(hs6, "hs6");
        }

        /** Whether this row applies to goods from {@code anExporter}. */
        public boolean matchesExporter(String anExporter) {
            return ANY_EXPORTER.equals(exporter) || exporter.equals(anExporter);
        }
    }

    private record Key(int year, String importer, String hs6) {
    }

    private static final BaselineTariffs NONE = new BaselineTariffs(List.of());

    private final List<Row> rows;
    private final Map<Key, List<Row>> index = new HashMap<>();

    public BaselineTariffs(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row row : this.rows) {
            index.computeIfAbsent(new Key(row.year(), row.importer(), row.hs6()), k -> new ArrayList<>()).add(row);
        }
    }

    /** No documented wedges: every rate is zero. */
    public static BaselineTariffs none() {
        return NONE;
    }

    /**
     * The wedge {@code importer} applies to {@code exporter}'s {@code hs6} in {@code year}: the sum
     * of all matching rows, 0 when none matches or when importer and exporter are the same.
     */
    public double rate(int year, String importer, String exporter, String hs6) {
        if (importer.equals(exporter)) {
            return 0.0;
        }
        double sum = 0.0;
        for (Row row : index.getOrDefault(new Key(year, importer, hs6), List.of())) {
            if (row.matchesExporter(exporter)) {
                sum += row.rate();
            }
        }
        return sum;
    }

    /** The rows that make up {@link #rate}, for reporting where a wedge comes from. */
    public List<Row> rowsFor(int year, String importer, String exporter, String hs6) {
        if (importer.equals(exporter)) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        for (Row row : index.getOrDefault(new Key(year, importer, hs6), List.of())) {
            if (row.matchesExporter(exporter)) {
                out.add(row);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Every accepted row, in file order. */
    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
