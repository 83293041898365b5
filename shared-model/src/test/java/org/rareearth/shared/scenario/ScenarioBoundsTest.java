package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rareearth.shared.scenario.DemoContext.CONTEXT;
import static org.rareearth.shared.scenario.ScenarioReaderTest.problems;
import static org.rareearth.shared.scenario.ScenarioReaderTest.withEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every number of the scenario document has a range (MODEL.md 11, docs/model-choices.md): the
 * values at the edge of each range are read, the nearest doubles beyond it are rejected with the
 * field path and the allowed range.
 */
class ScenarioBoundsTest {

    private static final String RATE = "0 to 10 (0 % to 1000 %)";
    private static final String FACTOR = "0.001 to 1000";
    private static final String GROWTH = "-0.5 to 1 (-50 % to +100 % a year)";
    private static final String SIGMA = "above 0 up to 50, except 1";
    private static final String ETA = "-10 up to (not including) 0";
    private static final String EPS = "0 to 100, or \"Infinity\" (perfectly elastic supply)";
    /** A share's message says its range itself: {@code must be between 0 and 1, was 1.5}. */
    private static final String SHARE = null;

    /** One numeric field: a document template with {@code %s} where the number goes, its path and range. */
    record Field(String name, String template, String path, String allowed, List<Double> inside, List<Double> outside) {
        String with(double value) {
            return template.formatted(Double.toString(value));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String event(String json) {
        return withEvents(json);
    }

    private static String elasticities(String json) {
        return "{\"name\": \"x\", \"baseYear\": 2023, \"products\": [\"850511\"], \"elasticities\": " + json + "}";
    }

    static Stream<Field> fields() {
        List<Double> rateIn = List.of(0.0, 10.0);
        List<Double> rateOut = List.of(Math.nextDown(0.0), Math.nextUp(10.0), 1e308);
        List<Double> shareIn = List.of(0.0, 1.0);
        List<Double> shareOut = List.of(Math.nextDown(0.0), Math.nextUp(1.0));
        List<Double> factorIn = List.of(0.001, 1000.0);
        List<Double> factorOut = List.of(Math.nextDown(0.001), Math.nextUp(1000.0), 0.0);
        List<Double> growthIn = List.of(-0.5, 1.0);
        List<Double> growthOut = List.of(Math.nextDown(-0.5), Math.nextUp(1.0), 1e6);
        List<Double> sigmaIn = List.of(Double.MIN_VALUE, Math.nextDown(1.0), Math.nextUp(1.0), 50.0);
        List<Double> sigmaOut = List.of(0.0, 1.0, Math.nextUp(50.0));
        List<Double> etaIn = List.of(-10.0, -Double.MIN_VALUE);
        List<Double> etaOut = List.of(Math.nextDown(-10.0), 0.0);
        List<Double> epsIn = List.of(0.0, 100.0);
        List<Double> epsOut = List.of(Math.nextDown(0.0), Math.nextUp(100.0), 1e300);
        return Stream.of(
                new Field("TARIFF rate", event("{\"type\": \"TARIFF\", \"importers\": \"USA\", \"rate\": %s}"),
                        "events[0].rate", RATE, rateIn, rateOut),
                new Field("EXPORT_TAX rate", event("{\"type\": \"EXPORT_TAX\", \"exporters\": \"CHN\", \"rate\": %s, \"mode\": \"add\"}"),
                        "events[0].rate", RATE, rateIn, rateOut),
                new Field("NTB rate", event("{\"type\": \"NTB\", \"importers\": \"EU27\", \"rate\": %s}"),
                        "events[0].rate", RATE, rateIn, rateOut),
                new Field("COALITION externalTariff", event("{\"type\": \"COALITION\", \"members\": \"MSP\", "
                        + "\"discriminatory\": true, \"externalTariff\": %s}"), "events[0].externalTariff", RATE, rateIn, rateOut),
                new Field("EXPORT_QUOTA capShare", event("{\"type\": \"EXPORT_QUOTA\", \"exporter\": \"CHN\", \"capShare\": %s}"),
                        "events[0].capShare", SHARE, shareIn, shareOut),
                new Field("LIBERALIZATION cut", event("{\"type\": \"LIBERALIZATION\", \"cut\": %s}"),
                        "events[0].cut", SHARE, shareIn, shareOut),
                new Field("DEMAND_SHIFT factor", event("{\"type\": \"DEMAND_SHIFT\", \"factor\": %s}"),
                        "events[0].factor", FACTOR, factorIn, factorOut),
                new Field("CAPACITY_SHIFT factor", event("{\"type\": \"CAPACITY_SHIFT\", \"countries\": \"USA\", \"factor\": %s}"),
                        "events[0].factor", FACTOR, factorIn, factorOut),
                new Field("DEMAND_SHIFT annualGrowth", event("{\"type\": \"DEMAND_SHIFT\", \"annualGrowth\": %s}"),
                        "events[0].annualGrowth", GROWTH, growthIn, growthOut),
                new Field("CAPACITY_SHIFT annualGrowth", event("{\"type\": \"CAPACITY_SHIFT\", \"annualGrowth\": %s}"),
                        "events[0].annualGrowth", GROWTH, growthIn, growthOut),
                new Field("sigma", elasticities("{\"sigma\": %s}"), "elasticities.sigma", SIGMA, sigmaIn, sigmaOut),
                new Field("eta", elasticities("{\"eta\": %s}"), "elasticities.eta", ETA, etaIn, etaOut),
                new Field("eps", elasticities("{\"eps\": %s}"), "elasticities.eps", EPS, epsIn, epsOut),
                new Field("override sigma", elasticities("{\"overrides\": [{\"product\": \"850511\", \"sigma\": %s}]}"),
                        "elasticities.overrides[0].sigma", SIGMA, sigmaIn, sigmaOut),
                new Field("override eta", elasticities("{\"overrides\": [{\"country\": \"USA\", \"eta\": %s}]}"),
                        "elasticities.overrides[0].eta", ETA, etaIn, etaOut),
                new Field("override eps", elasticities("{\"overrides\": [{\"country\": \"CHN\", \"product\": \"850511\", \"eps\": %s}]}"),
                        "elasticities.overrides[0].eps", EPS, epsIn, epsOut));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void theEdgesOfEachRangeAreRead(Field field) {
        for (double value : field.inside()) {
            Scenario s = ScenarioReader.read(field.with(value), CONTEXT);
            assertThat(s).as("%s = %s", field.path(), value).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void theNearestValuesBeyondEachRangeAreRejectedWithPathAndRange(Field field) {
        for (double value : field.outside()) {
            assertThat(problems(field.with(value))).as("%s = %s", field.path(), value).singleElement().asString()
                    .startsWith(field.path() + ": must be ")
                    .contains(", was ")
                    .contains(field.allowed() == null ? "must be between 0 and 1, was " : "; allowed: " + field.allowed());
        }
    }

    static Stream<Arguments> notNumbers() {
        return Stream.of(Arguments.of("NaN"), Arguments.of("Infinity"), Arguments.of("\"0.1\""));
    }

    @ParameterizedTest
    @MethodSource("notNumbers")
    void aRateThatIsNotAFiniteNumberAlsoNamesTheRange(String value) {
        assertThat(problems(withEvents("{\"type\": \"TARIFF\", \"importers\": \"USA\", \"rate\": " + value + "}")))
                .singleElement().asString().startsWith("events[0].rate: must be a ").endsWith("; allowed: " + RATE);
    }

    // ------------------------------------------------------------- the two documents of issue 14

    @Test
    void theReportedProhibitiveRateIsRejectedAndAnEmbargoSuggested() throws IOException {
        String document = Files.readString(Path.of("..", "scenarios", "us-tariff-on-china.json"))
                .replace("\"rate\": 0.25", "\"rate\": 1e308");
        assertThat(document).contains("1e308");
        assertThat(problems(document)).containsExactly("events[0].rate: must be at most 10, was 1.0E308; allowed: "
                + RATE + "; a prohibitive barrier is written as an EMBARGO event");
    }

    @Test
    void theReportedGrowthOfAMillionfoldAYearIsRejected() {
        assertThat(problems(withEvents("{\"type\": \"DEMAND_SHIFT\", \"year\": 2024, \"countries\": [\"*\"], "
                + "\"products\": [\"850511\"], \"annualGrowth\": 1e6}")))
                .containsExactly("events[0].annualGrowth: must be at most 1, was 1000000.0; allowed: " + GROWTH);
        assertThat(problems(withEvents("{\"type\": \"CAPACITY_SHIFT\", \"countries\": \"USA\", \"factor\": 0}")))
                .containsExactly("events[0].factor: must be at least 0.001, was 0; allowed: " + FACTOR
                        + "; trade that stops altogether is written as an EMBARGO event");
    }

    @Test
    void everyOutOfRangeFieldIsReportedTogether() {
        assertThat(problems("""
                {"name": "x", "baseYear": 2023, "elasticities": {"sigma": 60, "eta": -11, "eps": 1000},
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": 11, "mode": "add"},
                            {"type": "DEMAND_SHIFT", "annualGrowth": -0.9}]}
                """)).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly(
                "elasticities.sigma", "elasticities.eta", "elasticities.eps", "events[0].rate", "events[1].annualGrowth");
    }
}
