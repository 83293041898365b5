package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rareearth.shared.scenario.DemoContext.CONTEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in {@code scenarios/} is valid against the demo data. */
class ExampleScenariosTest {

    static final Path SCENARIOS = Path.of("..", "scenarios");
    static final Path DEMO_COUNTRIES = Path.of("..", "data", "rare-earth-demo", "country_codes.csv");

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theExpectedExamplesExist() throws IOException {
        assertThat(files()).extracting(p -> p.getFileName().toString()).contains(
                "baseline.json", "us-tariff-on-china.json", "china-export-control-us.json",
                "coalition-discriminatory.json", "coalition-open.json", "global-liberalization.json");
    }

    @Test
    void theHardCodedCountriesAreThoseOfTheDemoData() throws IOException {
        Pattern iso3 = Pattern.compile(",([A-Z]{2}),([A-Z]{3}),[^,]*$");
        List<String> fromFile = Files.readAllLines(DEMO_COUNTRIES).stream().skip(1)
                .map(iso3::matcher).filter(Matcher::find).map(m -> m.group(2)).toList();
        assertThat(fromFile).containsExactlyInAnyOrderElementsOf(DemoContext.COUNTRIES);
    }

    @ParameterizedTest
    @MethodSource("files")
    void isValidAgainstTheDemoData(Path file) throws IOException {
        Scenario s = ScenarioReader.read(file, CONTEXT);
        assertThat(s.baseYear()).isEqualTo(2023);
        assertThat(s.horizon()).isEqualTo(2030);
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(s), CONTEXT)).isEqualTo(s);
    }

    @Test
    void theExamplesSayWhatTheirNamesSay() throws IOException {
        assertThat(read("baseline.json").events()).isEmpty();
        assertThat(read("us-tariff-on-china.json").events()).containsExactly(new PolicyEvent.Tariff(2025,
                CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.ADD, null));
        assertThat(read("china-export-control-us.json").events()).containsExactly(
                new PolicyEvent.ExportTax(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.SET, null),
                new PolicyEvent.Embargo(2027, CountrySet.of("CHN"), CountrySet.of("USA"), null));
        Scenario closed = read("coalition-discriminatory.json");
        Scenario open = read("coalition-open.json");
        assertThat(closed.events()).containsExactly(new PolicyEvent.Coalition(2025, CountrySet.of("MSP", "EU27"), true, 0.25, null));
        assertThat(open.events()).containsExactly(new PolicyEvent.Coalition(2025, CountrySet.of("MSP", "EU27"), false, 0.0, null));
        assertThat(open.groups()).isEqualTo(closed.groups());
        assertThat(read("global-liberalization.json").events()).containsExactly(
                new PolicyEvent.Liberalization(2025, 1.0, CountrySet.all(), null));
    }

    private static Scenario read(String name) throws IOException {
        return ScenarioReader.read(SCENARIOS.resolve(name), CONTEXT);
    }
}
