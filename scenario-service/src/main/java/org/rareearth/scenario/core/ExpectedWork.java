package org.rareearth.scenario.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The (product, year) cells a scenario version is solved for on one data-set version (services
 * brief: a scenario is solved per product, never aggregated): the scenario's products, or every
 * product of the data when it lists none, times the years {@code baseYear..horizon}.
 */
public final class ExpectedWork {

    private ExpectedWork() {
    }

    /**
     * @param scenarioProducts the document's {@code products} (empty = all of the data)
     * @param horizon          {@code null} = the base year alone
     * @param dataProducts     products of the data-set version the work runs on
     */
    public static Set<WorkCell> cells(List<String> scenarioProducts, int baseYear, Integer horizon,
                                      Collection<String> dataProducts) {
        Collection<String> products = scenarioProducts.isEmpty() ? dataProducts : scenarioProducts;
        int last = horizon == null ? baseYear : horizon;
        Set<WorkCell> cells = new LinkedHashSet<>();
        for (String product : products.stream().sorted().toList()) {
            for (int year = baseYear; year <= last; year++) {
                cells.add(new WorkCell(product, year));
            }
        }
        return cells;
    }
}
