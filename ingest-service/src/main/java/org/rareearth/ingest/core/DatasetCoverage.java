package org.rareearth.ingest.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether a new data set may replace the current one as everyone's basis without an operator's
 * word: it must offer every product and every year the current one offers (it may add more).
 * A data set that lacks some is still stored, but only {@code PUT /datasets/current} makes it
 * current, so one partial upload can no longer pull every forecast from under its users.
 *
 * @param missingProducts products of the current version the candidate lacks, ascending
 * @param missingYears    years of the current version the candidate lacks, ascending
 */
public record DatasetCoverage(List<String> missingProducts, List<Integer> missingYears) {

    public DatasetCoverage {
        missingProducts = List.copyOf(missingProducts);
        missingYears = List.copyOf(missingYears);
    }

    /** What {@code candidate} lacks of {@code current}. */
    public static DatasetCoverage of(List<String> currentProducts, List<Integer> currentYears,
                                     List<String> candidateProducts, List<Integer> candidateYears) {
        TreeSet<String> products = new TreeSet<>(currentProducts);
        products.removeAll(candidateProducts);
        TreeSet<Integer> years = new TreeSet<>(currentYears);
        years.removeAll(candidateYears);
        return new DatasetCoverage(List.copyOf(products), List.copyOf(years));
    }

    public boolean covers() {
        return missingProducts.isEmpty() && missingYears.isEmpty();
    }

    /** Why the candidate does not become current, e.g. "it lacks products 850511 and years 2017, 2018 of ...". */
    public String describe(String currentVersion) {
        List<String> parts = new ArrayList<>();
        if (!missingProducts.isEmpty()) {
            parts.add((missingProducts.size() == 1 ? "product " : "products ") + String.join(", ", missingProducts));
        }
        if (!missingYears.isEmpty()) {
            parts.add((missingYears.size() == 1 ? "year " : "years ")
                    + String.join(", ", missingYears.stream().map(String::valueOf).toList()));
        }
        return "it lacks " + String.join(" and ", parts) + " of the current data set " + currentVersion
                + "; an operator can make it current with PUT /datasets/current";
    }
}
