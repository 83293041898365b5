package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rareearth.shared.scenario.DemoContext.CONTEXT;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.PolicyEvent.CapacityShift;
import org.rareearth.shared.scenario.PolicyEvent.Coalition;
import org.rareearth.shared.scenario.PolicyEvent.DemandShift;
import org.rareearth.shared.scenario.PolicyEvent.Embargo;
import org.rareearth.shared.scenario.PolicyEvent.ExportQuota;
import org.rareearth.shared.scenario.PolicyEvent.ExportTax;
import org.rareearth.shared.scenario.PolicyEvent.Liberalization;
import org.rareearth.shared.scenario.PolicyEvent.Ntb;
import org.rareearth.shared.scenario.PolicyEvent.Tariff;

class ScenarioReaderTest {

    /** The example document of MODEL.md section 11, verbatim. */
    static final String MODEL_EXAMPLE = """
            {
              "name": "US-China escalation",
              "baseYear": 2023,
              "horizon": 2030,
              "products": ["284690", "280530", "850511"],
              "elasticities": {"sigma": 4, "eta": -0.5, "eps": 2,
                               "overrides": [{"product": "850511", "sigma": 3}]},
              "groups": {"MSP": ["USA", "JPN", "AUS", "KOR", "DEU", "FRA", "GBR", "CAN", "IND"]},
              "events": [
                {"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"], "rate": 0.25, "mode": "add"},
                {"type": "EXPORT_TAX", "year": 2025, "exporters": ["CHN"], "importers": ["USA"], "rate": 0.15},
                {"type": "EXPORT_QUOTA", "year": 2026, "exporter": "CHN", "capShare": 0.8},
                {"type": "EMBARGO", "year": 2027, "exporters": ["CHN"], "importers": ["USA"]},
                {"type": "NTB", "year": 2025, "exporters": ["*"], "importers": ["EU27"], "rate": 0.05},
                {"type": "COALITION", "year": 2026, "members": "MSP", "discriminatory": true, "externalTariff": 0.25},
                {"type": "LIBERALIZATION", "year": 2026, "cut": 1.0, "countries": ["*"]},
                {"type": "DEMAND_SHIFT", "year": 2024, "countries": ["*"], "products": ["850511"], "annualGrowth": 0.09},
                {"type": "CAPACITY_SHIFT", "year": 2025, "countries": ["USA"], "products": ["284690"], "factor": 1.3}
              ]
            }
            """;

    static final String ALLOWED_TYPES = "TARIFF, EXPORT_TAX, EXPORT_QUOTA, EMBARGO, NTB, COALITION, LIBERALIZATION, "
            + "DEMAND_SHIFT, CAPACITY_SHIFT";

    /** A valid document around the given events (JSON objects, comma separated). */
    static String withEvents(String events) {
        return """
                {"name": "test", "baseYear": 2023, "horizon": 2030, "products": ["284690", "850511"],
                 "groups": {"MSP": ["USA", "JPN", "AUS"]},
                 "events": [%s]}
                """.formatted(events);
    }

    static List<String> problems(String json) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(json, CONTEXT));
        assertThat(e).as("document should be rejected").isNotNull();
        return e.problems().stream().map(ScenarioProblem::toString).toList();
    }

    static PolicyEvent onlyEvent(String event) {
        Scenario s = ScenarioReader.read(withEvents(event), CONTEXT);
        assertThat(s.events()).hasSize(1);
        return s.events().get(0);
    }

    // ------------------------------------------------------------------------ the MODEL.md example

    @Test
    void readsTheModelExampleIntoTheExactRecords() {
        Scenario s = ScenarioReader.read(MODEL_EXAMPLE, CONTEXT);
        assertThat(s.name()).isEqualTo("US-China escalation");
        assertThat(s.baseYear()).isEqualTo(2023);
        assertThat(s.horizon()).isEqualTo(2030);
        assertThat(s.products()).containsExactly("284690", "280530", "850511");
        assertThat(s.elasticities()).isEqualTo(new Elasticities(4, -0.5, 2,
                List.of(new ElasticityOverride("850511", null, 3.0, null, null))));
        assertThat(s.elasticities().sigma("850511", "USA")).isEqualTo(3.0);
        assertThat(s.groups()).isEqualTo(Map.of("MSP", List.of("USA", "JPN", "AUS", "KOR", "DEU", "FRA", "GBR", "CAN", "IND")));
        assertThat(s.events()).containsExactly(
                new Tariff(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.ADD, null),
                new ExportTax(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.15, RateMode.SET, null),
                new ExportQuota(2026, "CHN", null, 0.8, null),
                new Embargo(2027, CountrySet.of("CHN"), CountrySet.of("USA"), null),
                new Ntb(2025, CountrySet.all(), CountrySet.of("EU27"), 0.05, RateMode.SET, null),
                new Coalition(2026, CountrySet.of("MSP"), true, 0.25, null),
                new Liberalization(2026, 1.0, CountrySet.all(), null),
                new DemandShift(2024, CountrySet.all(), null, 0.09, List.of("850511")),
                new CapacityShift(2025, CountrySet.of("USA"), 1.3, null, List.of("284690")));
    }

    @Test
    void defaultsOfOptionalFields() {
        Scenario s = ScenarioReader.read("{\"name\": \"bare\", \"baseYear\": 2020}", CONTEXT);
        assertThat(s.horizon()).isNull();
        assertThat(s.products()).isEmpty();
        assertThat(s.elasticities()).isEqualTo(Elasticities.DEFAULTS);
        assertThat(s.groups()).isEmpty();
        assertThat(s.events()).isEmpty();
        assertThat(onlyEvent("{\"type\": \"TARIFF\", \"importers\": \"USA\", \"rate\": 0.1}"))
                .isEqualTo(new Tariff(null, CountrySet.all(), CountrySet.of("USA"), 0.1, RateMode.SET, null));
        assertThat(onlyEvent("{\"type\": \"EXPORT_TAX\", \"exporters\": [\"CHN\"], \"rate\": 0.1, \"mode\": \"ADD\"}"))
                .isEqualTo(new ExportTax(null, CountrySet.of("CHN"), CountrySet.all(), 0.1, RateMode.ADD, null));
        assertThat(onlyEvent("{\"type\": \"NTB\", \"importers\": [\"EU27\", \"GBR\"], \"rate\": 0}"))
                .isEqualTo(new Ntb(null, CountrySet.all(), CountrySet.of("EU27", "GBR"), 0.0, RateMode.SET, null));
        assertThat(onlyEvent("{\"type\": \"LIBERALIZATION\", \"cut\": 0.5}"))
                .isEqualTo(new Liberalization(null, 0.5, CountrySet.all(), null));
        assertThat(onlyEvent("{\"type\": \"DEMAND_SHIFT\", \"factor\": 2}"))
                .isEqualTo(new DemandShift(null, CountrySet.all(), 2.0, null, null));
        assertThat(onlyEvent("{\"type\": \"COALITION\", \"members\": [\"USA\", \"JPN\"], \"discriminatory\": true}"))
                .isEqualTo(new Coalition(null, CountrySet.of("USA", "JPN"), true, 0.0, null));
        assertThat(onlyEvent("{\"type\": \"EXPORT_QUOTA\", \"exporter\": \"CHN\", \"importers\": \"MSP\", \"capShare\": 0}"))
                .isEqualTo(new ExportQuota(null, "CHN", CountrySet.of("MSP"), 0.0, null));
    }

    @Test
    void anEventBeforeTheBaseYearIsAllowed() {
        assertThat(onlyEvent("{\"type\": \"TARIFF\", \"year\": 2019, \"importers\": [\"USA\"], \"rate\": 0.1}").year())
                .isEqualTo(2019);
    }

    @Test
    void epsMayBeInfinite() {
        Scenario s = ScenarioReader.read("""
                {"name": "x", "baseYear": 2023, "elasticities": {"eps": "Infinity",
                 "overrides": [{"country": "CHN", "eps": "inf"}, {"country": "USA", "product": "850511", "eps": 100}]}}
                """, CONTEXT);
        assertThat(s.elasticities().eps()).isInfinite();
        assertThat(s.elasticities().sigma()).isEqualTo(Elasticities.DEFAULT_SIGMA);
        assertThat(s.elasticities().eps("850511", "CHN")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.elasticities().eps("850511", "USA")).isEqualTo(100);
    }

    @Test
    void aScenarioGroupMayShadowABuiltInGroup() {
        Scenario s = ScenarioReader.read("""
                {"name": "x", "baseYear": 2023, "groups": {"EU27": ["DEU", "FRA"]},
                 "events": [{"type": "TARIFF", "importers": "EU27", "rate": 0.1}]}
                """, CONTEXT);
        assertThat(s.allGroups().get("EU27")).containsExactly("DEU", "FRA");
    }

    // ------------------------------------------------------------------------------- rejections

    @Test
    void rejectsUnknownFieldsEverywhere() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"nmae\": 1}")).containsExactly(
                "nmae: unknown field (allowed: name, baseYear, horizon, datasetVersion, products, elasticities, groups, events)");
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"importers\": [\"USA\"], \"rat\": 0.1}"))).containsExactly(
                "events[0].rat: unknown field (allowed for TARIFF: type, year, importers, exporters, rate, mode, products)",
                "events[0].rate: is required");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"USA\", \"mode\": \"set\"}")))
                .containsExactly("events[0].mode: unknown field (allowed for EMBARGO: type, year, exporters, importers, products)");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"sigma\": 2, \"overides\": []}}"))
                .containsExactly("elasticities.overides: unknown field (allowed: sigma, eta, eps, overrides)");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"overrides\": [{\"country\": \"CHN\", \"sigmaa\": 2}]}}"))
                .containsExactly("elasticities.overrides[0].sigmaa: unknown field (allowed: product, country, sigma, eta, eps)",
                        "elasticities.overrides[0]: must set sigma, eta or eps");
    }

    @Test
    void rejectsUnknownCountries() {
        String known = "(not an ISO3 code of the data, \"*\", a group of this scenario or a built-in group: EU27)";
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"importers\": [\"USA\", \"XYZ\"], \"exporters\": [\"usa\"], \"rate\": 0.1}")))
                .containsExactly("events[0].exporters[0]: unknown country \"usa\" " + known,
                        "events[0].importers[1]: unknown country \"XYZ\" " + known);
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": \"NATO\", \"discriminatory\": false}")))
                .containsExactly("events[0].members: unknown country \"NATO\" " + known);
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"groups\": {\"G\": [\"USA\", \"XXX\", \"EU27\", \"USA\"]}}"))
                .containsExactly("groups.G[1]: unknown country \"XXX\" (not an ISO3 code of the data)",
                        "groups.G[2]: must be one ISO3 country code, not \"EU27\"",
                        "groups.G[3]: country USA listed twice");
        assertThat(problems(withEvents("{\"type\": \"EXPORT_QUOTA\", \"exporter\": \"*\", \"capShare\": 0.5}")))
                .containsExactly("events[0].exporter: must be one ISO3 country code, not \"*\"");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"overrides\": [{\"country\": \"ZZZ\", \"eta\": -1}]}}"))
                .containsExactly("elasticities.overrides[0].country: unknown country \"ZZZ\" (not an ISO3 code of the data)");
    }

    @Test
    void rejectsBadGroupNames() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"groups\": {\"USA\": [\"CAN\"], \"*\": [\"CAN\"]}}"))
                .containsExactly("groups.USA: a group name must not be an ISO3 country code of the data",
                        "groups.*: \"*\" cannot be a group name");
    }

    @Test
    void rejectsNegativeAndNaNRates() {
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"importers\": [\"USA\"], \"rate\": -0.1}")))
                .containsExactly("events[0].rate: must be >= 0, was -0.1; allowed: 0 to 10 (0 % to 1000 %)");
        assertThat(problems(withEvents("{\"type\": \"EXPORT_TAX\", \"exporters\": [\"CHN\"], \"rate\": NaN}")))
                .containsExactly("events[0].rate: must be a finite number, was NaN; allowed: 0 to 10 (0 % to 1000 %)");
        assertThat(problems(withEvents("{\"type\": \"NTB\", \"importers\": [\"CHN\"], \"rate\": \"0.1\"}")))
                .containsExactly("events[0].rate: must be a number, was \"0.1\"; allowed: 0 to 10 (0 % to 1000 %)");
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": \"MSP\", \"discriminatory\": true, \"externalTariff\": -1}")))
                .containsExactly("events[0].externalTariff: must be >= 0, was -1; allowed: 0 to 10 (0 % to 1000 %)");
    }

    @Test
    void rejectsEmptyLists() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"groups\": {\"MSP\": []}}"))
                .containsExactly("groups.MSP: must not be empty");
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": [], \"discriminatory\": true}")))
                .containsExactly("events[0].members: must not be empty");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": [\"CHN\"], \"importers\": [], \"products\": []}")))
                .containsExactly("events[0].products: must not be empty (leave it out for all of the scenario's products)",
                        "events[0].importers: must not be empty");
    }

    @Test
    void rejectsYearsOutsideTheData() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2030}"))
                .containsExactly("baseYear: must be a year with data (2017-2023), was 2030");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2016}"))
                .containsExactly("baseYear: must be a year with data (2017-2023), was 2016");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"horizon\": 2020}"))
                .containsExactly("horizon: must be >= baseYear (2023), was 2020");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"horizon\": 2200}"))
                .containsExactly("horizon: must be at most 100 years after baseYear (2023), was 2200");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": \"2023\"}"))
                .containsExactly("baseYear: must be a whole number, was \"2023\"");
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"year\": 2025.5, \"importers\": [\"USA\"], \"rate\": 0.1}")))
                .containsExactly("events[0].year: must be a whole number, was 2025.5");
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"year\": 20255, \"importers\": [\"USA\"], \"rate\": 0.1}")))
                .containsExactly("events[0].year: must be between 1900 and 2200, was 20255");
    }

    @Test
    void rejectsMissingNameAndBaseYear() {
        assertThat(problems("{}")).containsExactly("name: is required", "baseYear: is required");
        assertThat(problems("{\"name\": \" \", \"baseYear\": 2023}")).containsExactly("name: must not be blank");
    }

    @Test
    void rejectsUnknownProducts() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"products\": [\"850511\", \"123456\", 284690, \"850511\"]}"))
                .containsExactly(
                        "products[1]: unknown product \"123456\" (not among the data's products: 253090, 280530, 284610, 284690, 850511)",
                        "products[2]: must be an HS6 code as a string, was 284690",
                        "products[3]: product 850511 listed twice");
        // an event may only name the scenario's products
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": [\"CHN\"], \"importers\": [\"USA\"], \"products\": [\"253090\"]}")))
                .containsExactly("events[0].products[0]: unknown product \"253090\" (not among the scenario's products: 284690, 850511)");
        // without scenario products, any product of the data
        Scenario s = ScenarioReader.read("""
                {"name": "x", "baseYear": 2023,
                 "events": [{"type": "EMBARGO", "exporters": ["CHN"], "importers": ["USA"], "products": ["253090"]}]}
                """, CONTEXT);
        assertThat(s.events().get(0).products()).containsExactly("253090");
    }

    static final String SIGMA = "above 0 up to 50, except 1";
    static final String ETA = "-10 up to (not including) 0";
    static final String EPS = "0 to 100, or \"Infinity\" (perfectly elastic supply)";

    @Test
    void rejectsBadElasticities() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"sigma\": 1, \"eta\": 0.5, \"eps\": -1}}"))
                .containsExactly("elasticities.sigma: must be > 0 and != 1, was 1; allowed: " + SIGMA,
                        "elasticities.eta: must be < 0, was 0.5; allowed: " + ETA,
                        "elasticities.eps: must be >= 0 or \"Infinity\", was -1; allowed: " + EPS);
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"sigma\": -4, \"eta\": 0, \"eps\": \"lots\"}}"))
                .containsExactly("elasticities.sigma: must be > 0 and != 1, was -4; allowed: " + SIGMA,
                        "elasticities.eta: must be < 0, was 0; allowed: " + ETA,
                        "elasticities.eps: must be a number >= 0 or \"Infinity\", was \"lots\"; allowed: " + EPS);
        assertThat(problems("""
                {"name": "x", "baseYear": 2023, "products": ["850511"], "elasticities": {"overrides": [
                  {"sigma": 2}, {"product": "284690", "sigma": 2}, {"product": "850511", "eta": -1},
                  {"product": "850511", "sigma": 5}]}}
                """)).containsExactly(
                "elasticities.overrides[0]: must name a product or a country (or both)",
                "elasticities.overrides[1].product: unknown product \"284690\" (not among the scenario's products: 850511)",
                "elasticities.overrides[3]: same product and country as elasticities.overrides[2]; merge the two");
    }

    @Test
    void rejectsMissingOrUnknownType() {
        assertThat(problems(withEvents("{\"year\": 2025, \"importers\": [\"USA\"], \"rate\": 0.1}")))
                .containsExactly("events[0].type: is required (one of " + ALLOWED_TYPES + ")");
        assertThat(problems(withEvents("{\"type\": \"TARRIF\", \"importers\": [\"USA\"], \"rate\": 0.1}")))
                .containsExactly("events[0].type: unknown type \"TARRIF\" (allowed: " + ALLOWED_TYPES + ")");
        assertThat(problems(withEvents("{\"type\": \"tariff\", \"importers\": [\"USA\"], \"rate\": 0.1}")))
                .containsExactly("events[0].type: unknown type \"tariff\" (allowed: " + ALLOWED_TYPES + ")");
        assertThat(problems(withEvents("7"))).containsExactly("events[0]: must be an object, was 7");
    }

    @Test
    void rejectsABadMode() {
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"importers\": [\"USA\"], \"rate\": 0.1, \"mode\": \"sett\"}")))
                .containsExactly("events[0].mode: must be \"set\" or \"add\", was \"sett\"");
    }

    @Test
    void rejectsSharesOutsideZeroToOne() {
        assertThat(problems(withEvents("{\"type\": \"EXPORT_QUOTA\", \"exporter\": \"CHN\", \"capShare\": 1.5}")))
                .containsExactly("events[0].capShare: must be between 0 and 1, was 1.5");
        assertThat(problems(withEvents("{\"type\": \"LIBERALIZATION\", \"cut\": -0.5}")))
                .containsExactly("events[0].cut: must be between 0 and 1, was -0.5");
        assertThat(problems(withEvents("{\"type\": \"LIBERALIZATION\"}")))
                .containsExactly("events[0].cut: is required");
    }

    @Test
    void shiftsNeedExactlyOneOfFactorOrGrowth() {
        assertThat(problems(withEvents("{\"type\": \"DEMAND_SHIFT\", \"factor\": 1.1, \"annualGrowth\": 0.1}")))
                .containsExactly("events[0]: needs exactly one of factor or annualGrowth, not both");
        assertThat(problems(withEvents("{\"type\": \"CAPACITY_SHIFT\", \"countries\": [\"USA\"]}")))
                .containsExactly("events[0]: needs exactly one of factor or annualGrowth");
        assertThat(problems(withEvents("{\"type\": \"CAPACITY_SHIFT\", \"factor\": 0}")))
                .containsExactly("events[0].factor: must be at least 0.001, was 0; allowed: 0.001 to 1000; trade that"
                        + " stops altogether is written as an EMBARGO event");
        assertThat(problems(withEvents("{\"type\": \"DEMAND_SHIFT\", \"annualGrowth\": -1}")))
                .containsExactly("events[0].annualGrowth: must be at least -0.5, was -1; allowed: -0.5 to 1"
                        + " (-50 % to +100 % a year)");
    }

    @Test
    void requiredCountryListsAndCoalitionRules() {
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"exporters\": [\"CHN\"], \"rate\": 0.1}")))
                .containsExactly("events[0].importers: is required");
        assertThat(problems(withEvents("{\"type\": \"EXPORT_TAX\", \"rate\": 0.1}")))
                .containsExactly("events[0].exporters: is required");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": [\"CHN\"]}")))
                .containsExactly("events[0].importers: is required");
        assertThat(problems(withEvents("{\"type\": \"EXPORT_QUOTA\", \"capShare\": 0.5}")))
                .containsExactly("events[0].exporter: is required");
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": \"MSP\"}")))
                .containsExactly("events[0].discriminatory: is required");
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": \"MSP\", \"discriminatory\": \"yes\"}")))
                .containsExactly("events[0].discriminatory: must be true or false, was \"yes\"");
        assertThat(problems(withEvents("{\"type\": \"COALITION\", \"members\": \"MSP\", \"discriminatory\": false, \"externalTariff\": 0.25}")))
                .containsExactly("events[0].externalTariff: only applies to a discriminatory coalition (discriminatory: true)");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": [\"*\", \"CHN\"], \"importers\": [\"USA\", \"USA\"]}")))
                .containsExactly("events[0].exporters: \"*\" (all countries) must stand alone",
                        "events[0].importers[1]: \"USA\" listed twice");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": {\"CHN\": 1}, \"importers\": [7]}")))
                .containsExactly("events[0].exporters: must be a list of countries or one country or group name, was an object",
                        "events[0].importers[0]: must be a string, was 7");
    }

    @Test
    void reportsAllProblemsTogether() {
        String json = """
                {"name": "many faults", "baseYear": 2030, "horizon": 2020, "colour": "red",
                 "events": [
                   {"type": "TARIFF", "year": 2025, "importers": ["USA"], "rate": 0.25},
                   {"type": "TARIFF", "year": 2025, "importers": ["XYZ"], "rate": 0.25},
                   {"type": "EXPORT_TAX", "exporters": ["CHN"], "rate": -0.1},
                   {"type": "EXPORT_QUOTA", "exporter": "CHN", "capShare": 2}
                 ]}
                """;
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(json, CONTEXT));
        assertThat(e.problems()).extracting(ScenarioProblem::path).containsExactly(
                "colour", "baseYear", "horizon", "events[1].importers[0]", "events[2].rate", "events[3].capShare");
        assertThat(e.problems().get(4)).isEqualTo(new ScenarioProblem("events[2].rate", "must be >= 0, was -0.1"
                + "; allowed: 0 to 10 (0 % to 1000 %)"));
        assertThat(e.getMessage()).contains("events[2].rate: must be >= 0, was -0.1; allowed: 0 to 10 (0 % to 1000 %); "
                + "events[3].capShare: must be between 0 and 1, was 2");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedDocuments() {
        assertThat(problems("{\"name\": \"x\", ")).singleElement().asString().startsWith("malformed JSON at line 1");
        assertThat(problems("{\"name\": \"x\", \"name\": \"y\", \"baseYear\": 2023}")).singleElement().asString()
                .startsWith("malformed JSON").contains("Duplicate field 'name'");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023} {}")).singleElement().asString().startsWith("malformed JSON");
        assertThat(problems("[1, 2]")).containsExactly("the document must be a JSON object, was a list");
        assertThat(problems("  ")).containsExactly("empty document");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"events\": {}, \"groups\": []}"))
                .containsExactly("groups: must be an object of group name to ISO3 list, was a list",
                        "events: must be a list, was an object");
    }

    // -------------------------------------------------------------------------- NUL characters

    private static final String NUL = "contains a NUL character (U+0000), which cannot be stored";

    @Test
    void aNulCharacterInAStringIsAProblemAtItsPath() {
        assertThat(problems("{\"name\": \"\\u0000\", \"baseYear\": 2023}")).containsExactly("name: " + NUL);
        assertThat(problems("{\"name\": \"US\\u0000China\", \"baseYear\": 2023}")).containsExactly("name: " + NUL);
    }

    @Test
    void nulCharactersAreCollectedWithTheOtherProblemsAndReplaceTheirOwnPathsProblems() {
        List<String> found = problems("""
                {"name": "x", "baseYear": 2030,
                 "groups": {"M\\u0000SP": ["USA"], "G": ["JPN", "US\\u0000A"]},
                 "products": ["850511\\u0000"],
                 "events": [{"type": "TARIFF", "importers": ["USA", "CH\\u0000N"], "rate": 11},
                            {"type": "EMBARGO\\u0000", "exporters": "CHN", "importers": "USA"},
                            {"type": "NTB", "importers": "USA", "rate": 0.1, "no\\u0000te": "x"}]}
                """);
        assertThat(found).containsExactlyInAnyOrder(
                "groups.M\\u0000SP: the name " + NUL,
                "groups.G[1]: " + NUL,
                "products[0]: " + NUL,
                "events[0].importers[1]: " + NUL,
                "events[1].type: " + NUL,
                "events[2].no\\u0000te: the name " + NUL,
                "baseYear: must be a year with data (2017-2023), was 2030",
                "events[0].rate: must be at most 10, was 11; allowed: 0 to 10 (0 % to 1000 %); a prohibitive barrier is"
                        + " written as an EMBARGO event");
        // no problem text carries the character itself
        assertThat(found).noneMatch(p -> p.indexOf(0) >= 0);
    }

    // --------------------------------------------------------------------------- HS6 product codes

    @Test
    void aCodeThatIsNotSixDigitsIsMalformedNotUnknown() {
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"products\": [\"85a511\", \"85051\", \"123456\"]}"))
                .containsExactly(
                        "products[0]: malformed HS6 code \"85a511\" (six digits, e.g. 850511)",
                        "products[1]: malformed HS6 code \"85051\" (six digits, e.g. 850511)",
                        "products[2]: unknown product \"123456\" (not among the data's products: 253090, 280530, 284610, 284690, 850511)");
        assertThat(problems(withEvents("{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"USA\", \"products\": [\"85a511\"]}")))
                .containsExactly("events[0].products[0]: malformed HS6 code \"85a511\" (six digits, e.g. 850511)");
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"elasticities\": {\"overrides\": [{\"product\": \"85a511\", \"sigma\": 2}]}}"))
                .containsExactly("elasticities.overrides[0].product: malformed HS6 code \"85a511\" (six digits, e.g. 850511)");
    }

    // ------------------------------------------------------------------------------ datasetVersion

    static final String PINNED = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aDatasetVersionPinsTheScenario() {
        Scenario pinned = ScenarioReader.read("{\"name\": \"x\", \"baseYear\": 2023, \"datasetVersion\": \"" + PINNED + "\"}",
                CONTEXT);
        assertThat(pinned.datasetVersion()).isEqualTo(PINNED);
        assertThat(ScenarioReader.read("{\"name\": \"x\", \"baseYear\": 2023, \"datasetVersion\": null}", CONTEXT)
                .datasetVersion()).isNull();
        assertThat(ScenarioReader.read(MODEL_EXAMPLE, CONTEXT).datasetVersion()).isNull();
    }

    @Test
    void aMalformedDatasetVersionIsRejectedAtItsPath() {
        String rule = "datasetVersion: must be a data-set version: \"sha256:\" and 64 lowercase hexadecimal digits, was ";
        for (String bad : List.of(PINNED.toUpperCase(java.util.Locale.ROOT), PINNED.substring(7), PINNED + "0",
                PINNED.substring(0, 70), "sha1:" + PINNED.substring(7), "current", "")) {
            assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"datasetVersion\": \"" + bad + "\"}"))
                    .as(bad).containsExactly(rule + "\"" + bad + "\"");
        }
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"datasetVersion\": 7}"))
                .containsExactly("datasetVersion: must be a string, was 7");
        // a long value is cut in the message
        assertThat(problems("{\"name\": \"x\", \"baseYear\": 2023, \"datasetVersion\": \"" + "x".repeat(5000) + "\"}"))
                .containsExactly(rule + "\"" + "x".repeat(80) + "\"... (5000 characters)");
    }

    @Test
    void problemToString() {
        assertThat(new ScenarioProblem("events[2].rate", "must be >= 0, was -0.1").toString())
                .isEqualTo("events[2].rate: must be >= 0, was -0.1");
        assertThat(new ScenarioProblem("", "empty document").toString()).isEqualTo("empty document");
        assertThatThrownBy(() -> new ScenarioException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Every problem of every event is reported with its path, also when one event breaks several
     * rules of different kinds (JSON form, a record's bound, a rule across fields).
     */
    @Test
    void aDocumentWithSeveralBadEventsReportsEveryProblemWithItsPath() {
        assertThat(problems(withEvents("""
                {"type": "TARIFF", "importers": ["USA", "XXX"], "rate": -1, "mode": "sometimes"},
                {"type": "EXPORT_QUOTA", "year": 1800, "exporter": "*", "capShare": 1.5},
                {"type": "COALITION", "members": [], "discriminatory": false, "externalTariff": 0.25},
                {"type": "DEMAND_SHIFT", "factor": 0.0001, "annualGrowth": 2, "products": []},
                {"type": "CAPACITY_SHIFT", "countries": ["*", "USA"]},
                {"type": "EMBARGO", "exporters": "CHN"},
                {"type": "NOPE"},
                {"type": "LIBERALIZATION", "cut": 0.5}""")))
                .containsExactly(
                        "events[0].importers[1]: unknown country \"XXX\" (not an ISO3 code of the data, \"*\", a group of"
                                + " this scenario or a built-in group: EU27)",
                        "events[0].rate: must be >= 0, was -1; allowed: 0 to 10 (0 % to 1000 %)",
                        "events[0].mode: must be \"set\" or \"add\", was \"sometimes\"",
                        "events[1].year: must be between 1900 and 2200, was 1800",
                        "events[1].exporter: must be one ISO3 country code, not \"*\"",
                        "events[1].capShare: must be between 0 and 1, was 1.5",
                        "events[2].members: must not be empty",
                        "events[2].externalTariff: only applies to a discriminatory coalition (discriminatory: true)",
                        "events[3].products: must not be empty (leave it out for all of the scenario's products)",
                        "events[3]: needs exactly one of factor or annualGrowth, not both",
                        "events[3].factor: must be at least 0.001, was 1.0E-4; allowed: 0.001 to 1000; trade that stops"
                                + " altogether is written as an EMBARGO event",
                        "events[3].annualGrowth: must be at most 1, was 2; allowed: -0.5 to 1 (-50 % to +100 % a year)",
                        "events[4].countries: \"*\" (all countries) must stand alone",
                        "events[4]: needs exactly one of factor or annualGrowth",
                        "events[5].importers: is required",
                        "events[6].type: unknown type \"NOPE\" (allowed: " + ALLOWED_TYPES + ")");
    }
}
