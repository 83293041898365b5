package org.rareearth.shared.scenario;

import java.util.Objects;
import java.util.Set;

/**
 * What a scenario document is checked against: the data it will run on.
 *
 * @param knownCountries ISO3 codes of the data's countries
 * @param firstYear      first year with data
 * @param lastYear       last year with data ({@code baseYear} must lie in {@code firstYear..lastYear})
 * @param knownProducts  HS6 codes of the data's products
 */
public record ScenarioContext(Set<String> knownCountries, int firstYear, int lastYear, Set<String> knownProducts) {

    public ScenarioContext {
        knownCountries = Set.copyOf(Objects.requireNonNull(knownCountries, "knownCountries"));
        knownProducts = Set.copyOf(Objects.requireNonNull(knownProducts, "knownProducts"));
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("firstYear " + firstYear + " is after lastYear " + lastYear);
        }
    }
}
