package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rareearth.shared.scenario.DemoContext.CONTEXT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event types are defined once ({@link PolicyEventType}) and each record keeps its own
 * invariants. Driven by {@link PolicyEventType#values()}: a new type fails here until it has a
 * sample document event and a rejected value.
 */
class PolicyEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Document events of each type that together set every field of the type (not the defaults). */
    private static final Map<PolicyEventType, List<String>> SAMPLES = new EnumMap<>(Map.of(
            PolicyEventType.TARIFF, List.of("""
                    {"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"], "rate": 0.25,
                     "mode": "add", "products": ["850511"]}"""),
            PolicyEventType.EXPORT_TAX, List.of("""
                    {"type": "EXPORT_TAX", "year": 2026, "exporters": ["CHN"], "importers": ["USA", "JPN"], "rate": 0.1,
                     "mode": "set", "products": ["850511", "284690"]}"""),
            PolicyEventType.EXPORT_QUOTA, List.of("""
                    {"type": "EXPORT_QUOTA", "year": 2026, "exporter": "CHN", "importers": "EU27", "capShare": 0.8,
                     "products": ["284690"]}""", """
                    {"type": "EXPORT_QUOTA", "exporter": "CHN", "capShare": 0}"""),
            PolicyEventType.EMBARGO, List.of("""
                    {"type": "EMBARGO", "year": 2027, "exporters": "RUS", "importers": ["*"], "products": ["850511"]}"""),
            PolicyEventType.NTB, List.of("""
                    {"type": "NTB", "year": 1900, "importers": ["USA"], "exporters": ["CHN"], "rate": 10, "mode": "add",
                     "products": ["850511"]}"""),
            PolicyEventType.COALITION, List.of("""
                    {"type": "COALITION", "year": 2025, "members": ["USA", "JPN"], "discriminatory": true,
                     "externalTariff": 0.25, "products": ["850511"]}""", """
                    {"type": "COALITION", "members": ["USA", "JPN"], "discriminatory": false}"""),
            PolicyEventType.LIBERALIZATION, List.of("""
                    {"type": "LIBERALIZATION", "year": 2200, "cut": 0.5, "countries": ["EU27"], "products": ["850511"]}"""),
            PolicyEventType.DEMAND_SHIFT, List.of("""
                    {"type": "DEMAND_SHIFT", "year": 2024, "countries": ["USA"], "factor": 1.3, "products": ["850511"]}""", """
                    {"type": "DEMAND_SHIFT", "countries": "*", "annualGrowth": -0.5}"""),
            PolicyEventType.CAPACITY_SHIFT, List.of("""
                    {"type": "CAPACITY_SHIFT", "year": 2024, "countries": ["AUS"], "factor": 0.001,
                     "products": ["284690"]}""", """
                    {"type": "CAPACITY_SHIFT", "countries": "CHN", "annualGrowth": 1}""")));

    /** For each type, events built in code with a value its record refuses, and the message. */
    private static final Map<PolicyEventType, List<Refused>> REFUSED = new EnumMap<>(Map.of(
            PolicyEventType.TARIFF, List.of(
                    new Refused(() -> new PolicyEvent.Tariff(null, null, CountrySet.of("USA"), -0.1, RateMode.SET, null),
                            "TARIFF rate: must be >= 0, was -0.1; allowed: 0 to 10 (0 % to 1000 %)"),
                    new Refused(() -> new PolicyEvent.Tariff(2025, null, null, 0.1, null, List.of()),
                            "TARIFF products: must not be empty (leave it out for all of the scenario's products)"),
                    new Refused(() -> new PolicyEvent.Tariff(2025, null, null, 0.1, null, List.of("850511", "850511")),
                            "TARIFF products: product 850511 listed twice")),
            PolicyEventType.EXPORT_TAX, List.of(
                    new Refused(() -> new PolicyEvent.ExportTax(null, CountrySet.of("CHN"), null, 10.5, RateMode.ADD, null),
                            "EXPORT_TAX rate: must be at most 10, was 10.5; allowed: 0 to 10 (0 % to 1000 %); a prohibitive"
                                    + " barrier is written as an EMBARGO event")),
            PolicyEventType.EXPORT_QUOTA, List.of(
                    new Refused(() -> new PolicyEvent.ExportQuota(null, "CHN", null, -0.01, null),
                            "EXPORT_QUOTA capShare: must be between 0 and 1, was -0.01"),
                    new Refused(() -> new PolicyEvent.ExportQuota(null, "CHN", null, Double.NaN, null),
                            "EXPORT_QUOTA capShare: must be a finite number, was NaN; allowed: 0 to 1"),
                    new Refused(() -> new PolicyEvent.ExportQuota(null, null, null, 0.5, null),
                            "EXPORT_QUOTA exporter: is required"),
                    new Refused(() -> new PolicyEvent.ExportQuota(null, "*", null, 0.5, null),
                            "EXPORT_QUOTA exporter: must be one ISO3 country code, not \"*\"")),
            PolicyEventType.EMBARGO, List.of(
                    new Refused(() -> new PolicyEvent.Embargo(1899, null, null, null),
                            "EMBARGO year: must be between 1900 and 2200, was 1899")),
            PolicyEventType.NTB, List.of(
                    new Refused(() -> new PolicyEvent.Ntb(2201, null, null, 0.1, null, null),
                            "NTB year: must be between 1900 and 2200, was 2201"),
                    new Refused(() -> new PolicyEvent.Ntb(null, null, null, Double.POSITIVE_INFINITY, null, null),
                            "NTB rate: must be a finite number, was Infinity; allowed: 0 to 10 (0 % to 1000 %)")),
            PolicyEventType.COALITION, List.of(
                    new Refused(() -> new PolicyEvent.Coalition(null, null, true, 0.1, null),
                            "COALITION members: is required"),
                    new Refused(() -> new PolicyEvent.Coalition(null, CountrySet.of("USA"), false, 0.25, null),
                            "COALITION externalTariff: only applies to a discriminatory coalition (discriminatory: true)"),
                    new Refused(() -> new PolicyEvent.Coalition(null, CountrySet.of("USA"), true, -1, null),
                            "COALITION externalTariff: must be >= 0, was -1.0; allowed: 0 to 10 (0 % to 1000 %)")),
            PolicyEventType.LIBERALIZATION, List.of(
                    new Refused(() -> new PolicyEvent.Liberalization(null, 1.01, null, null),
                            "LIBERALIZATION cut: must be between 0 and 1, was 1.01")),
            PolicyEventType.DEMAND_SHIFT, List.of(
                    new Refused(() -> new PolicyEvent.DemandShift(null, null, null, null, null),
                            "DEMAND_SHIFT: needs exactly one of factor or annualGrowth"),
                    new Refused(() -> new PolicyEvent.DemandShift(null, null, 1001.0, null, null),
                            "DEMAND_SHIFT factor: must be at most 1000, was 1001.0; allowed: 0.001 to 1000")),
            PolicyEventType.CAPACITY_SHIFT, List.of(
                    new Refused(() -> new PolicyEvent.CapacityShift(null, null, 1.2, 0.1, null),
                            "CAPACITY_SHIFT: needs exactly one of factor or annualGrowth, not both"),
                    new Refused(() -> new PolicyEvent.CapacityShift(null, null, null, -0.6, null),
                            "CAPACITY_SHIFT annualGrowth: must be at least -0.5, was -0.6; allowed: -0.5 to 1 (-50 % to"
                                    + " +100 % a year)"))));

    private record Refused(ThrowingCallable build, String message) {
    }

    static Stream<PolicyEventType> types() {
        return Arrays.stream(PolicyEventType.values());
    }

    private static Scenario withEvent(String event) {
        return ScenarioReader.read("{\"name\": \"x\", \"baseYear\": 2023, \"groups\": {\"MSP\": [\"USA\"]}, \"events\": ["
                + event + "]}", CONTEXT);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeRoundTripsReaderWriterReaderWithEveryOneOfItsFields(PolicyEventType type) throws IOException {
        assertThat(SAMPLES).as("a sample document event for %s", type).containsKey(type);
        Set<String> written = new TreeSet<>();
        for (String sample : SAMPLES.get(type)) {
            Scenario read = withEvent(sample);
            assertThat(read.events()).hasSize(1);
            assertThat(read.events().get(0).kind()).isEqualTo(type);
            assertThat(read.events().get(0).type()).isEqualTo(type.name());

            String json = ScenarioWriter.toJson(read);
            assertThat(ScenarioReader.read(json, CONTEXT)).isEqualTo(read);
            JSON.readTree(json).get("events").get(0).fieldNames().forEachRemaining(written::add);
            // the writer writes out what the sample left to its default, and nothing else
            Set<String> sampleFields = new TreeSet<>();
            JSON.readTree(sample).fieldNames().forEachRemaining(sampleFields::add);
            assertThat(type.fields()).containsAll(sampleFields);
        }
        assertThat(written).as("fields written for %s", type).containsExactlyInAnyOrderElementsOf(type.fields());
    }

    @Test
    void everyRecordHasItsOwnTypeAndEveryTypeARecord() {
        Set<Class<?>> sampleClasses = SAMPLES.values().stream().flatMap(List::stream)
                .map(s -> withEvent(s).events().get(0).getClass()).collect(Collectors.toSet());
        assertThat(sampleClasses).containsExactlyInAnyOrder(PolicyEvent.class.getPermittedSubclasses());
        assertThat(PolicyEventType.values()).hasSameSizeAs(PolicyEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRecordRefusesAValueOutsideItsInvariants(PolicyEventType type) {
        assertThat(REFUSED).as("a refused value for %s", type).containsKey(type);
        for (Refused refused : REFUSED.get(type)) {
            assertThatThrownBy(refused.build()).isInstanceOf(InvalidEventException.class)
                    .hasMessage(refused.message())
                    .satisfies(e -> assertThat(((InvalidEventException) e).type()).isEqualTo(type));
        }
    }

    @Test
    void absentCountryListsAreAllCountriesAndAnAbsentModeIsSet() {
        PolicyEvent.Tariff tariff = new PolicyEvent.Tariff(null, null, null, 0.1, null, null);
        assertThat(tariff.exporters()).isEqualTo(CountrySet.all());
        assertThat(tariff.importers()).isEqualTo(CountrySet.all());
        assertThat(tariff.mode()).isEqualTo(RateMode.SET);
        assertThat(new PolicyEvent.Liberalization(null, 1, null, null).countries()).isEqualTo(CountrySet.all());
        // a quota without importers caps total foreign sales: null stays null
        assertThat(new PolicyEvent.ExportQuota(null, "CHN", null, 0.5, null).importers()).isNull();
    }

    @Test
    void aCountryListIsNotEmptyHasNoDuplicateAndStarStandsAlone() {
        assertThatThrownBy(() -> new CountrySet(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> CountrySet.of("USA", "USA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> CountrySet.of("*", "USA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CountrySet.ALL_ALONE);
    }

    @ParameterizedTest
    @MethodSource("types")
    void anUnknownFieldNamesTheFieldsOfItsType(PolicyEventType type) {
        assertThatThrownBy(() -> withEvent("{\"type\": \"" + type + "\", \"colour\": 1}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("events[0].colour: unknown field (allowed for " + type + ": "
                        + String.join(", ", type.fields()) + ")");
    }

    @Test
    void anUnknownTypeListsEveryTypeInTheOrderOfTheModel() {
        assertThatThrownBy(() -> withEvent("{\"type\": \"tariff\"}"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("events[0].type: unknown type \"tariff\" (allowed: TARIFF, EXPORT_TAX, EXPORT_QUOTA, EMBARGO, NTB,"
                        + " COALITION, LIBERALIZATION, DEMAND_SHIFT, CAPACITY_SHIFT)");
    }

    /** docs/model.md section 5 lists exactly the types the code knows, in the same order. */
    @Test
    void theModelDocumentListsEveryType() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "model.md"));
        String section = doc.substring(doc.indexOf("## 5. Policy events"), doc.indexOf("## 6."));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(section);
        List<String> listed = new java.util.ArrayList<>();
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).containsExactly(types().map(Enum::name).toArray(String[]::new));
    }
}
