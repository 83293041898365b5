package org.rareearth.cli;

import org.rareearth.tradedata.DataNotice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on the demo data (read from the project's data directory): exit
 * codes and messages for bad input, and invariants of the JSON it prints.
 */
class RareEarthCommandTest {

    static final String DATA = "../data/rare-earth-demo";
    static final String SCENARIOS = "../scenarios";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Outcome(int exitCode, String stderr, JsonNode json) {
    }

    Outcome run(String... args) throws IOException {
        Path out = tmp.resolve("out-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).equals("demo")) {
            all.add("--out");
            all.add(out.toString());
            if (!all.contains("--data")) {
                all.add("--data");
                all.add(DATA);
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RareEarthCommand.run(all.toArray(String[]::new), new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode json = Files.exists(out) ? JSON.readTree(out.toFile()) : null;
        return new Outcome(code, err.toString(StandardCharsets.UTF_8), json);
    }

    Path scenario(String name, String json) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void unknownCommandAndOptionAreRejectedByName() throws IOException {
        Outcome bad = run("simulat", "--year", "2023");
        assertThat(bad.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(bad.stderr()).contains("unknown command 'simulat'");

        Outcome option = run("simulate", "--year", "2023", "--product", "850511", "--colour", "red");
        assertThat(option.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(option.stderr()).contains("unknown option --colour");
    }

    @Test
    void missingProductUnknownProductAndYearWithoutDataAreNamed() throws IOException {
        assertThat(run("simulate", "--year", "2023").stderr()).contains("--product is required");
        Outcome product = run("simulate", "--year", "2023", "--product", "999999");
        assertThat(product.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(product.stderr()).contains("unknown HS6 code '999999'");
        Outcome year = run("simulate", "--year", "2031", "--product", "850511");
        assertThat(year.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(year.stderr()).contains("--year 2031").contains("2017");
        assertThat(run("network", "--year", "20x3", "--product", "850511").stderr()).contains("--year must be a whole number");
        assertThat(run("network", "--year", "2023", "--product", "850511", "--threshold", "-5").stderr())
                .contains("--threshold must be >= 0");
    }

    @Test
    void invalidScenarioFileExitsNonZeroNamingTheField() throws IOException {
        Path file = scenario("bad.json", """
                {"name": "bad", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"], "rate": -0.25}]}
                """);
        Outcome o = run("simulate", "--product", "850511", "--scenario", file.toString());
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(o.stderr()).contains("events[0].rate");
        assertThat(o.json()).isNull();

        Outcome missing = run("simulate", "--product", "850511", "--scenario", tmp.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(missing.stderr()).contains("nope.json");
    }

    @Test
    void aProductCodeThatIsNotSixDigitsIsMalformedNotUnknown() throws IOException {
        Outcome o = run("simulate", "--year", "2023", "--product", "85a511");
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(o.stderr()).contains("--product: malformed HS6 code '85a511' (six digits").doesNotContain("unknown");
    }

    @Test
    void theReportedAbsurdDocumentsExitNonZeroNamingTheField() throws IOException {
        Path rate = scenario("rate.json", Files.readString(Path.of(SCENARIOS, "us-tariff-on-china.json"))
                .replace("\"rate\": 0.25", "\"rate\": 1e308"));
        Outcome o = run("simulate", "--product", "850511", "--scenario", rate.toString(), "--horizon", "2030");
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(o.stderr()).contains("events[0].rate: must be at most 10, was 1.0E308; allowed: 0 to 10 (0 % to 1000 %)")
                .contains("EMBARGO");
        assertThat(o.json()).isNull();

        Path growth = scenario("growth.json", """
                {"name": "boom", "baseYear": 2023, "horizon": 2030, "products": ["850511"],
                 "events": [{"type": "DEMAND_SHIFT", "year": 2024, "countries": ["*"], "annualGrowth": 1e6}]}
                """);
        Outcome g = run("simulate", "--scenario", growth.toString(), "--horizon", "2030");
        assertThat(g.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(g.stderr()).contains("events[0].annualGrowth: must be at most 1, was 1000000.0");
        assertThat(g.json()).isNull();
    }

    @Test
    void ratesThatAddUpBeyondTheBoundExitNonZeroNamingTheEventAndYear() throws IOException {
        Path file = scenario("stacked.json", """
                {"name": "stacked", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2024, "importers": "USA", "exporters": "CHN", "rate": 6, "mode": "add"},
                            {"type": "TARIFF", "year": 2026, "importers": "USA", "exporters": "CHN", "rate": 6, "mode": "add"}]}
                """);
        Outcome o = run("simulate", "--scenario", file.toString(), "--horizon", "2027");
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        // 2.1 % MFN (tariffs.csv) + 600 % + 600 %
        assertThat(o.stderr()).contains("events[1] TARIFF raises the import tariff of USA on goods from CHN to 12.021 in 2026")
                .contains("0 to 10 (0 % to 1000 %)");
        assertThat(o.json()).isNull();
    }

    @Test
    void aSolutionOfMeaninglessSizeIsNotPrintedAndExitsNonZero() throws IOException {
        // every number within its bounds, but fixed supply (eps = 0) and almost inelastic demand
        // (eta = -1e-6) give a world price of about 1e34 under this barrier
        Path file = scenario("rigid.json", """
                {"name": "rigid market", "baseYear": 2023, "products": ["850511"],
                 "elasticities": {"sigma": 50, "eta": -0.000001, "eps": 0},
                 "events": [{"type": "NTB", "importers": "USA", "exporters": "EU27", "rate": 3}]}
                """);
        Outcome o = run("simulate", "--scenario", file.toString());
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.NOT_SOLVED);
        assertThat(o.stderr()).contains("forecast year 2023: the solution is not reported: world price of ")
                .contains("times its base-year level");
        assertThat(o.json()).isNull();
    }

    @Test
    void aPinnedDatasetVersionIsAcceptedAndIgnored() throws IOException {
        String scenario = Files.readString(Path.of(SCENARIOS, "us-tariff-on-china.json"));
        Path pinned = scenario("pinned.json", scenario.replaceFirst("\\{", "{\"datasetVersion\": \"sha256:"
                + "ab".repeat(32) + "\", "));
        Outcome withPin = run("simulate", "--product", "850511", "--scenario", pinned.toString(), "--horizon", "2026");
        Outcome without = run("simulate", "--product", "850511", "--scenario", SCENARIOS + "/us-tariff-on-china.json",
                "--horizon", "2026");
        assertThat(withPin.exitCode()).as(withPin.stderr()).isZero();
        assertThat(withPin.json()).isEqualTo(without.json());
    }

    @Test
    void dataWithoutANoticeGetTheServicesNotRecordedText() throws IOException {
        // the CLI used to say "Data as supplied in the data directory; ..." where the services say NOT_RECORDED
        Path data = Files.createDirectories(tmp.resolve("no-notice"));
        try (var files = Files.list(Path.of(DATA))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(DataNotice.FILE)) {
                    Files.copy(f, data.resolve(f.getFileName()));
                }
            }
        }
        Outcome o = run("simulate", "--year", "2023", "--product", "850511", "--data", data.toString());
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        assertThat(o.json().get("dataNotice").asText()).isEqualTo(DataNotice.NOT_RECORDED);
        Outcome network = run("network", "--year", "2023", "--product", "850511", "--data", data.toString());
        assertThat(network.exitCode()).as(network.stderr()).isZero();
        assertThat(network.json().toString()).contains(DataNotice.NOT_RECORDED);
    }

    @Test
    void simulatingTheBaseYearWithoutEventsReproducesTheObservedFlows() throws IOException {
        Outcome o = run("simulate", "--year", "2023", "--product", "850511");
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode r = o.json();
        assertThat(r.get("dataNotice").asText()).contains("NOT official");
        assertThat(r.get("converged").asBoolean()).isTrue();
        assertThat(r.get("maxResidual").asDouble()).isLessThan(1e-9);
        r.get("worldPrices").forEach(p -> assertThat(p.asDouble()).isCloseTo(1.0, within(1e-9)));
        assertThat(r.get("flows").size()).isPositive();
        r.get("flows").forEach(f -> assertThat(f.get("value").asDouble())
                .isCloseTo(f.get("baseline").asDouble(), within(1e-9 * Math.max(1, f.get("baseline").asDouble()))));
        r.get("welfare").forEach(w -> assertThat(w.get("net").asDouble()).isCloseTo(0.0, within(1e-6)));
        assertThat(r.at("/elasticities/defaults/sigma").asDouble()).isEqualTo(4.0);
        assertThat(r.at("/elasticities/eps/CHN").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aUsTariffOnChinaCutsChinaToUsFlowsOverTheHorizon() throws IOException {
        Path file = scenario("tariff.json", """
                {"name": "US tariff", "baseYear": 2023, "horizon": 2026, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"], "rate": 0.25, "mode": "add"}]}
                """);
        Outcome o = run("simulate", "--scenario", file.toString(), "--horizon", "2026");
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode years = o.json();
        assertThat(years.isArray()).isTrue();
        assertThat(years.size()).isEqualTo(4);
        assertThat(years.get(0).get("year").asInt()).isEqualTo(2023);
        double before = flow(years.get(1), "CHN", "USA");
        double after = flow(years.get(2), "CHN", "USA");
        assertThat(before).isCloseTo(flow(years.get(1), "CHN", "USA", "baseline"), within(1e-6));
        assertThat(after).isLessThan(before);
        assertThat(years.get(2).at("/welfare/USA/tariffRevenue").asDouble()).isPositive();
        assertThat(years.get(2).at("/welfare/CHN/producerSurplus").asDouble()).isNegative();
        assertThat(years.get(2).get("eventsInForce").size()).isEqualTo(1);
    }

    private static double flow(JsonNode year, String exporter, String importer) {
        return flow(year, exporter, importer, "value");
    }

    private static double flow(JsonNode year, String exporter, String importer, String field) {
        for (JsonNode f : year.get("flows")) {
            if (f.get("exporter").asText().equals(exporter) && f.get("importer").asText().equals(importer)) {
                return f.get(field).asDouble();
            }
        }
        throw new AssertionError("no flow " + exporter + "->" + importer);
    }

    @Test
    void theLinearSolverAgreesWithTheNonlinearOneToFirstOrderButNotExactly() throws IOException {
        Path file = scenario("small.json", """
                {"name": "small tariff", "baseYear": 2023, "products": ["284690"],
                 "events": [{"type": "TARIFF", "year": 2023, "importers": ["USA"], "exporters": ["CHN"], "rate": 0.05}]}
                """);
        JsonNode exact = run("simulate", "--scenario", file.toString()).json();
        Outcome linear = run("simulate", "--scenario", file.toString(), "--solver", "linear");
        assertThat(linear.exitCode()).as(linear.stderr()).isZero();
        assertThat(linear.json().get("solver").asText()).isEqualTo("linear");
        double exactChange = exact.at("/worldPrices/CHN").asDouble() - 1;
        double linearChange = linear.json().at("/worldPrices/CHN").asDouble() - 1;
        assertThat(exactChange).isNegative();
        // a 5% shock: the first-order answer is within a few percent of the exact change, and not equal to it
        assertThat(linearChange).isCloseTo(exactChange, within(0.05 * Math.abs(exactChange)));
        assertThat(linearChange).isNotEqualTo(exactChange);
        assertThat(run("simulate", "--scenario", file.toString(), "--solver", "quadratic").stderr())
                .contains("--solver must be nonlinear or linear");
    }

    @Test
    void observedNetworksOverAHorizonAreTheObservedTimeSeries() throws IOException {
        Outcome o = run("network", "--year", "2017", "--horizon", "2023", "--product", "850511");
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        assertThat(o.json().size()).isEqualTo(7);
        for (int k = 0; k < 7; k++) {
            assertThat(o.json().get(k).get("year").asInt()).isEqualTo(2017 + k);
            assertThat(o.json().get(k).get("source").asText()).isEqualTo("observed");
        }
        assertThat(run("network", "--year", "2023", "--horizon", "2025", "--product", "850511").stderr())
                .contains("--horizon 2025").contains("--scenario");
    }

    @Test
    void observedNetworkHasTheIndicatorsAndBrokerageAsked() throws IOException {
        Outcome o = run("network", "--year", "2023", "--product", "all", "--broker", "CHN,USA");
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode r = o.json();
        for (String name : List.of("nodes", "edges", "density", "reciprocity", "avgClustering", "avgPathLength", "diameter",
                "degreeCentralization", "exportHHI", "importHHI", "cr1", "cr3", "communities", "modularity",
                "intraCommunityShare")) {
            assertThat(r.has(name)).as(name).isTrue();
        }
        assertThat(r.get("source").asText()).isEqualTo("observed");
        assertThat(r.get("countries").size()).isEqualTo(r.get("nodes").asInt());
        assertThat(r.at("/countries/CHN/outStrength").asDouble()).isPositive();
        double shares = 0;
        for (JsonNode b : r.at("/brokerage/brokers")) {
            shares += b.get("share").asDouble();
            assertThat(b.get("country").asText()).isNotIn("CHN", "USA");
        }
        assertThat(shares).isCloseTo(1.0, within(1e-9));
        assertThat(r.get("exportHHI").asDouble()).isBetween(1.0 / r.get("nodes").asInt(), 1.0);

        Outcome pruned = run("network", "--year", "2023", "--product", "all", "--threshold", "1000");
        assertThat(pruned.json().get("edges").asInt()).isLessThan(r.get("edges").asInt());
        assertThat(pruned.json().get("nodes").asInt()).isEqualTo(r.get("nodes").asInt());
    }

    @Test
    void brokerOutsideTheNetworkIsABadArgument() throws IOException {
        Outcome o = run("network", "--year", "2023", "--product", "253090", "--broker", "CHN,ZZZ");
        assertThat(o.exitCode()).isEqualTo(RareEarthCommand.BAD_INPUT);
        assertThat(o.stderr()).contains("ZZZ");
    }

    @Test
    void theBaselineComparedWithItselfDoesNotDiverge() throws IOException {
        Outcome o = run("compare", "--year", "2023", "--product", "850511", "--scenario", SCENARIOS + "/baseline.json");
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode r = o.json();
        assertThat(r.get("nmi").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(r.get("ari").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(r.get("jensenShannon").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(r.get("edgeJaccard").asDouble()).isCloseTo(1.0, within(1e-12));
        r.get("netWelfareDifference").forEach(w -> assertThat(w.asDouble()).isCloseTo(0.0, within(1e-6)));
    }

    @Test
    void anEmbargoScenarioDivergesFromItsBaseline() throws IOException {
        Path file = scenario("embargo.json", """
                {"name": "embargo", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "EMBARGO", "year": 2023, "exporters": ["CHN"], "importers": ["USA", "DEU", "JPN"]}]}
                """);
        Outcome o = run("compare", "--scenario", file.toString());
        assertThat(o.exitCode()).as(o.stderr()).isZero();
        JsonNode r = o.json();
        assertThat(r.get("edgeJaccard").asDouble()).isLessThan(1.0);
        assertThat(r.get("jensenShannon").asDouble()).isPositive();
        assertThat(r.at("/indicatorChanges/edges").asDouble()).isEqualTo(-3.0);
        assertThat(r.at("/netWelfareDifference/CHN").asDouble()).isNegative();
    }

    @Test
    void demoPrintsTheNoticeAndATableForEveryScenario() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoCommand.run(Arguments.parse("demo", List.of("--data", DATA, "--scenarios", SCENARIOS), DemoCommand.OPTIONS),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("DATA NOTICE").contains("NOT official").contains("Observed networks, 2023");
        try (var files = Files.list(Path.of(SCENARIOS))) {
            long scenarios = files.filter(f -> f.toString().endsWith(".json")).count();
            assertThat(text.split("Scenario '", -1).length - 1L).isEqualTo(scenarios);
        }
    }
}
