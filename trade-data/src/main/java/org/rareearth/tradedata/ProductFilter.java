package org.rareearth.tradedata;

import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which HS6 products an ingest keeps (configuration {@code rareearth.ingest.products}); rows of
 * other products are skipped without being validated beyond their product column. Looked up by
 * the numeric code as BACI writes it ({@code 10121} for {@code 010121}), so a reader can decide
 * before it parses anything else of the row.
 */
public final class ProductFilter {

    private static final int HS6_CODES = 1_000_000;

    private final SortedSet<String> codes;
    private final BitSet numeric;

    private ProductFilter(SortedSet<String> codes) {
        this.codes = Collections.unmodifiableSortedSet(codes);
        this.numeric = new BitSet(HS6_CODES);
        codes.forEach(c -> numeric.set(Integer.parseInt(c)));
    }

    /** Keeps every product. */
    public static ProductFilter all() {
        return new ProductFilter(new TreeSet<>());
    }

    /**
     * Keeps the given six-digit codes; an empty collection keeps every product.
     *
     * @throws IllegalArgumentException a code that is not six digits
     */
    public static ProductFilter of(Collection<String> hs6Codes) {
        SortedSet<String> codes = new TreeSet<>();
        for (String raw : hs6Codes) {
            String code = raw.strip();
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException("product filter: \"" + raw + "\" is not a six-digit HS6 code");
            }
            codes.add(code);
        }
        return new ProductFilter(codes);
    }

    public boolean keepsAll() {
        return codes.isEmpty();
    }

    /** Whether a product given as its numeric value (0..999999) is kept. */
    public boolean keeps(int hs6) {
        return keepsAll() || (hs6 >= 0 && hs6 < HS6_CODES && numeric.get(hs6));
    }

    /** Whether a six-digit code is kept. */
    public boolean keeps(String hs6) {
        return keepsAll() || codes.contains(hs6);
    }

    /** The kept codes, ascending; empty = every product. */
    public SortedSet<String> codes() {
        return codes;
    }

    /** {@code all} or the comma list: part of a data set's identity (the same file filtered otherwise is other content). */
    @Override
    public String toString() {
        return keepsAll() ? "all" : String.join(",", codes);
    }
}
