package org.rareearth.shared.scenario;

import java.util.Set;

/** The context of the bundled demo data (data/rare-earth-demo): 52 economies, 2017-2023, five products. */
final class DemoContext {

    /** ISO3 codes of data/rare-earth-demo/country_codes.csv. */
    static final Set<String> COUNTRIES = Set.of(
            "ARE", "ARG", "AUS", "AUT", "BDI", "BEL", "BRA", "CAN", "CHE", "CHN", "CZE", "DEU", "DNK", "ESP", "EST",
            "FIN", "FRA", "GBR", "HKG", "HUN", "IDN", "IND", "ISR", "ITA", "JPN", "KAZ", "KOR", "LAO", "MDG", "MEX",
            "MMR", "MYS", "NGA", "NLD", "NOR", "PHL", "POL", "PRT", "ROU", "RUS", "SAU", "SGP", "SVK", "SVN", "SWE",
            "THA", "TUR", "TWN", "TZA", "USA", "VNM", "ZAF");

    static final Set<String> PRODUCTS = Set.of("253090", "280530", "284610", "284690", "850511");

    static final ScenarioContext CONTEXT = new ScenarioContext(COUNTRIES, 2017, 2023, PRODUCTS);

    private DemoContext() {
    }
}
