package org.rareearth.simulation.run;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.scenario.ScenarioContext;
import org.rareearth.shared.values.Iso3;

/**
 * What one data-set version offers a scenario: its years and products and the provenance notice
 * every result made from it repeats. Every baseline event of a version carries all of it.
 */
public record DatasetCatalogue(String version, List<Integer> years, List<String> products, String dataNotice) {

    public DatasetCatalogue {
        Objects.requireNonNull(version, "version");
        years = List.copyOf(Objects.requireNonNull(years, "years"));
        products = List.copyOf(Objects.requireNonNull(products, "products"));
        if (years.isEmpty()) {
            throw new IllegalArgumentException("data-set version " + version + " lists no years");
        }
    }

    public static DatasetCatalogue of(TradeBaselineEvent baseline) {
        return new DatasetCatalogue(baseline.datasetVersion(), baseline.datasetYears(), baseline.datasetProducts(),
                baseline.dataNotice());
    }

    /**
     * What a scenario document is validated against: any assigned ISO3 country (a baseline event
     * lists only the countries that trade one product, while a document names countries across
     * products), the data set's year range and its products.
     */
    public ScenarioContext scenarioContext() {
        return new ScenarioContext(Iso3.assigned(), Collections.min(years), Collections.max(years), Set.copyOf(products));
    }

    /** How many baseline events (one per year and product) make this version complete. */
    public int expectedBaselines() {
        return years.size() * products.size();
    }
}
