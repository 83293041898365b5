package org.rareearth.scenario.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rareearth.shared.scenario.ScenarioContext;
import org.rareearth.shared.values.Iso3;

/**
 * What scenario-service knows of one data-set version, learned from the header fields of the
 * {@code trade.baseline} events: its years, products and the countries seen in its flows.
 *
 * @param years     ascending, never empty
 * @param products  ascending HS6 codes
 * @param countries ascending ISO3 codes seen as exporter or importer (informative: validation accepts
 *                  every assigned ISO3 code, because a scenario may name a country that the data lists
 *                  under another year or product and the built-in groups name countries outside the data)
 */
public record Catalogue(String datasetVersion, List<Integer> years, List<String> products, List<String> countries,
                        String dataNotice) {

    public Catalogue {
        Objects.requireNonNull(datasetVersion, "datasetVersion");
        years = List.copyOf(years);
        products = List.copyOf(products);
        countries = List.copyOf(countries);
        if (years.isEmpty()) {
            throw new IllegalArgumentException("data-set version " + datasetVersion + " has no years");
        }
    }

    public int firstYear() {
        return years.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    public int lastYear() {
        return years.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** What a scenario document is validated against: every ISO3 code, this version's years and products. */
    public ScenarioContext context() {
        return new ScenarioContext(Iso3.assigned(), firstYear(), lastYear(), Set.copyOf(products));
    }
}
