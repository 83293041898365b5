package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rareearth.shared.scenario.DemoContext.CONTEXT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioWriterTest {

    @Test
    void theModelExampleSurvivesARoundTrip() {
        Scenario read = ScenarioReader.read(ScenarioReaderTest.MODEL_EXAMPLE, CONTEXT);
        String json = ScenarioWriter.toJson(read);
        Scenario again = ScenarioReader.read(json, CONTEXT);
        assertThat(again).isEqualTo(read);
        assertThat(ScenarioWriter.toJson(again)).isEqualTo(json);
    }

    @Test
    void writesDefaultsExplicitly() throws Exception {
        Scenario s = ScenarioReader.read("""
                {"name": "x", "baseYear": 2023,
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": 0.1},
                            {"type": "COALITION", "members": ["USA", "JPN"], "discriminatory": false}]}
                """, CONTEXT);
        JsonNode tree = new ObjectMapper().readTree(ScenarioWriter.toJson(s));
        assertThat(tree.has("horizon")).isFalse();
        assertThat(tree.has("products")).isFalse();
        assertThat(tree.get("elasticities").get("sigma").asDouble()).isEqualTo(4.0);
        JsonNode tariff = tree.get("events").get(0);
        assertThat(tariff.has("year")).isFalse();
        assertThat(tariff.get("exporters").toString()).isEqualTo("[\"*\"]");
        assertThat(tariff.get("importers").toString()).isEqualTo("[\"USA\"]");
        assertThat(tariff.get("mode").asText()).isEqualTo("set");
        assertThat(tree.get("events").get(1).has("externalTariff")).isFalse();
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(s), CONTEXT)).isEqualTo(s);
    }

    @Test
    void aScenarioBuiltInCodeRoundTrips() {
        Scenario s = new Scenario("built", 2022, 2035, List.of("850511", "284690"),
                new Elasticities(3, -1.2, Double.POSITIVE_INFINITY,
                        List.of(new ElasticityOverride(null, "CHN", null, null, 0.5),
                                new ElasticityOverride("850511", "USA", 2.5, -0.8, Double.POSITIVE_INFINITY))),
                Map.of("B", List.of("USA", "CAN"), "A", List.of("JPN")),
                List.of(new PolicyEvent.ExportQuota(2026, "CHN", CountrySet.of("A", "B"), 0.5, List.of("850511")),
                        new PolicyEvent.CapacityShift(null, CountrySet.of("AUS"), null, 0.05, null),
                        new PolicyEvent.Embargo(2030, CountrySet.of("RUS"), CountrySet.of("EU27"), null),
                        new PolicyEvent.Ntb(2024, CountrySet.all(), CountrySet.of("B"), 0.02, RateMode.ADD, null)));
        String json = ScenarioWriter.toJson(s);
        assertThat(json).contains("\"eps\" : \"Infinity\"");
        assertThat(ScenarioReader.read(json, CONTEXT)).isEqualTo(s);
    }

    @Test
    void aPinnedDatasetVersionIsWrittenBackAndRoundTrips() throws Exception {
        Scenario pinned = ScenarioReader.read("{\"name\": \"pinned\", \"baseYear\": 2023, \"horizon\": 2030, \"datasetVersion\": \""
                + ScenarioReaderTest.PINNED + "\", \"events\": [{\"type\": \"TARIFF\", \"importers\": \"USA\", \"rate\": 0.1}]}",
                CONTEXT);
        String json = ScenarioWriter.toJson(pinned);
        assertThat(new ObjectMapper().readTree(json).get("datasetVersion").asText()).isEqualTo(ScenarioReaderTest.PINNED);
        Scenario again = ScenarioReader.read(json, CONTEXT);
        assertThat(again).isEqualTo(pinned);
        assertThat(again.datasetVersion()).isEqualTo(ScenarioReaderTest.PINNED);
        assertThat(ScenarioWriter.toJson(again)).isEqualTo(json);
        // built in code, too
        Scenario built = new Scenario("built", 2023, null, List.of(), Elasticities.DEFAULTS, Map.of(), List.of(),
                ScenarioReaderTest.PINNED);
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(built), CONTEXT)).isEqualTo(built);
    }

    @Test
    void aScenarioThatFollowsTheCurrentDataIsWrittenExactlyAsBefore() {
        Scenario s = ScenarioReader.read("""
                {"name": "x", "baseYear": 2023, "horizon": 2025,
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": 0.1}]}
                """, CONTEXT);
        assertThat(s.datasetVersion()).isNull();
        // the text the writer produced before datasetVersion existed: canonical documents stay byte-identical
        assertThat(ScenarioWriter.toJson(s)).isEqualTo("""
                {
                  "name" : "x",
                  "baseYear" : 2023,
                  "horizon" : 2025,
                  "elasticities" : {
                    "sigma" : 4.0,
                    "eta" : -0.5,
                    "eps" : 2.0
                  },
                  "events" : [ {
                    "type" : "TARIFF",
                    "importers" : [ "USA" ],
                    "exporters" : [ "*" ],
                    "rate" : 0.1,
                    "mode" : "set"
                  } ]
                }""");
    }
}
