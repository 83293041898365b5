package org.rareearth.simulation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.forecast.ForecastPath;
import org.rareearth.simulation.forecast.ScenarioForecaster;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.policy.ElasticityChoice;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.SolverSettings;

class ScenarioComputationTest {

    private static final String PRODUCT = "850511";
    private static TradeBaselineEvent baseline2023;
    private static String usTariff;
    private static List<SimulationResultEvent> usTariffResults;

    @BeforeAll
    static void solveOnce() throws IOException {
        baseline2023 = DemoBaselines.event("demo-v1", 2023, PRODUCT);
        usTariff = Files.readString(Path.of("../scenarios/us-tariff-on-china.json"));
        usTariffResults = new ScenarioComputation().compute(request("us-tariff", 3, usTariff), baseline2023);
    }

    private static ScenarioRequestEvent request(String id, int version, String document) {
        return new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, version, false, document,
                "2026-01-01T00:00:00Z");
    }

    @Test
    void oneOkEventPerYearOfThePathWithBothSolutions() {
        assertThat(usTariffResults).extracting(SimulationResultEvent::year)
                .containsExactly(2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030);
        for (SimulationResultEvent e : usTariffResults) {
            assertThat(e.status()).isEqualTo(ComputationStatus.OK);
            assertThat(e.scenarioId()).isEqualTo("us-tariff");
            assertThat(e.scenarioVersion()).isEqualTo(3);
            assertThat(e.datasetVersion()).isEqualTo("demo-v1");
            assertThat(e.product()).isEqualTo(PRODUCT);
            assertThat(e.baseYear()).isEqualTo(2023);
            assertThat(e.lastYear()).isEqualTo(2030);
            assertThat(e.dataNotice()).isEqualTo(DemoBaselines.notice());
            assertThat(e.scenario().solver()).isEqualTo("nonlinear");
            assertThat(e.scenario().converged()).isTrue();
            assertThat(e.baseline().scenarioName()).startsWith("baseline of ");
            assertThat(e.baseline().eventsInForce()).isEmpty();
            // every pair with benchmark trade, with the observed value as its baseline
            assertThat(e.scenario().flows()).hasSize(baseline2023.flows().size());
        }
        assertThat(usTariffResults.get(1).scenario().eventsInForce()).isEmpty();
        assertThat(usTariffResults.get(2).scenario().eventsInForce()).containsExactly("events[0] TARIFF (from 2025)");
        // the event survives its own JSON
        SimulationResultEvent last = usTariffResults.get(7);
        assertThat(EventCodec.decode(EventCodec.encode(last), SimulationResultEvent.class)).isEqualTo(last);
    }

    @Test
    void theTariffLowersChinaToUsaAgainstTheBaseline() {
        SimulationResultEvent y2030 = usTariffResults.get(7);
        FlowValue scenario = flow(y2030.scenario(), "CHN", "USA");
        FlowValue baseline = flow(y2030.baseline(), "CHN", "USA");
        assertThat(scenario.baseline()).isEqualTo(417913.73);
        assertThat(scenario.value()).isLessThan(baseline.value() * 0.9);
        // before the event (2024) the scenario is its baseline
        SimulationResultEvent y2024 = usTariffResults.get(1);
        assertThat(flow(y2024.scenario(), "CHN", "USA").value())
                .isCloseTo(flow(y2024.baseline(), "CHN", "USA").value(), within(1e-9));
    }

    @Test
    void theBaselineOfTheBaseYearReproducesTheObservedFlows() {
        for (FlowValue f : usTariffResults.get(0).baseline().flows()) {
            assertThat(f.value()).isCloseTo(f.baseline(), within(1e-6 * Math.max(1, f.baseline())));
        }
    }

    @Test
    void equalsWhatTheCommandLineComputes() throws IOException {
        // values printed by: ./rare-earth simulate --scenario scenarios/us-tariff-on-china.json --product 850511 --horizon 2030
        JsonNode cli = new ObjectMapper().readTree(getClass().getResourceAsStream("/cli-us-tariff-850511-2030.json"));
        Map<String, Double> prices = usTariffResults.get(7).scenario().worldPrices();
        assertThat(prices).hasSize(cli.get("worldPrices").size());
        cli.get("worldPrices").fields().forEachRemaining(p ->
                assertThat(prices.get(p.getKey())).as(p.getKey()).isCloseTo(p.getValue().asDouble(), within(1e-9)));
        assertThat(flow(usTariffResults.get(7).scenario(), "CHN", "USA").value())
                .isCloseTo(cli.get("flowChnUsa").get("value").asDouble(), within(1e-6));

        // and the engine calls that ScenarioForecaster makes for the service and the cli, made here directly
        Scenario scenario = ScenarioComputation.readScenario(usTariff, DatasetCatalogue.of(baseline2023));
        TradeMatrix values = baseline2023.matrix();
        PolicyState benchmark = PolicyState.free(values.size());
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < values.size(); j++) {
                if (i != j && values.value(i, j) > 0) {
                    benchmark.setTariff(i, j, baseline2023.tariff(values.country(i), values.country(j)));
                }
            }
        }
        ArmingtonMarket market = ArmingtonMarket.calibrate(values, benchmark,
                ElasticityChoice.forProduct(scenario.elasticities(), values.countries(), PRODUCT));
        List<YearOutcome> path = ForecastPath.newton(new EquilibriumSolver(SolverSettings.DEFAULTS))
                .run(market, new ScenarioPolicy(scenario, List.of(PRODUCT)), 2023, 2030);
        double[] expected = path.get(7).equilibrium().worldPrices();
        for (int i = 0; i < market.size(); i++) {
            assertThat(prices.get(market.country(i))).isEqualTo(expected[i]);
        }
    }

    @Test
    void theBaselineKeepsDemandAndCapacityShiftsOnly() {
        String doc = """
                {"name": "mixed", "baseYear": 2023, "horizon": 2025, "products": ["850511"], "events": [
                  {"type": "TARIFF", "year": 2024, "importers": "USA", "exporters": "CHN", "rate": 0.5},
                  {"type": "DEMAND_SHIFT", "countries": "USA", "annualGrowth": 0.05},
                  {"type": "CAPACITY_SHIFT", "year": 2025, "countries": "CHN", "factor": 0.8}]}""";
        Scenario scenario = ScenarioComputation.readScenario(doc, DatasetCatalogue.of(baseline2023));
        Scenario baseline = ScenarioForecaster.baselineOf(scenario);
        assertThat(baseline.events()).hasSize(2).allMatch(e -> !(e instanceof PolicyEvent.Tariff));
        List<SimulationResultEvent> results = new ScenarioComputation().compute(request("mixed", 1, doc), baseline2023);
        assertThat(results).hasSize(3);
        assertThat(results.get(2).baseline().eventsInForce()).containsExactly("events[0] DEMAND_SHIFT (always)",
                "events[1] CAPACITY_SHIFT (from 2025)");
    }

    @Test
    void perfectlyElasticSupplyIsWrittenAsNull() {
        String doc = """
                {"name": "elastic", "baseYear": 2023, "products": ["850511"], "elasticities": {"eps": "Infinity"}}""";
        List<SimulationResultEvent> results = new ScenarioComputation().compute(request("elastic", 1, doc), baseline2023);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).scenario().eps()).isNotEmpty().containsValue(null).doesNotContainValue(2.0);
    }

    @Test
    void anInvalidDocumentIsOneFailedEventWithTheReason() {
        String doc = """
                {"name": "bad", "baseYear": 2023, "products": ["850511"],
                 "events": [{"type": "TARIFF", "importers": "USA", "rate": -0.1}]}""";
        List<SimulationResultEvent> results = new ScenarioComputation().compute(request("bad", 2, doc), baseline2023);
        assertThat(results).hasSize(1);
        SimulationResultEvent failed = results.get(0);
        assertThat(failed.status()).isEqualTo(ComputationStatus.FAILED);
        assertThat(failed.year()).isEqualTo(2023);
        assertThat(failed.product()).isNull();
        assertThat(failed.error()).contains("invalid scenario document").contains("events[0].rate: must be >= 0");
        assertThat(failed.scenario()).isNull();
        assertThat(failed.dataNotice()).isEqualTo(DemoBaselines.notice());

        List<SimulationResultEvent> notJson = new ScenarioComputation().compute(request("bad", 3, "{nope"), baseline2023);
        assertThat(notJson).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ComputationStatus.FAILED);
            assertThat(e.year()).isZero();
        });
    }

    // ------------------------------------------------------------- absurd inputs (issue 14 item 6)

    private static SimulationResultEvent onlyFailure(List<SimulationResultEvent> results) {
        assertThat(results).hasSize(1);
        SimulationResultEvent failed = results.get(0);
        assertThat(failed.status()).isEqualTo(ComputationStatus.FAILED);
        assertThat(failed.scenario()).isNull();
        assertThat(failed.baseline()).isNull();
        return failed;
    }

    @Test
    void theReportedProhibitiveRateIsAFailedEventNamingTheFieldNotAPublishedSolution() {
        String doc = usTariff.replace("\"rate\": 0.25", "\"rate\": 1e308");
        SimulationResultEvent failed = onlyFailure(new ScenarioComputation().compute(request("huge", 1, doc), baseline2023));
        assertThat(failed.error()).contains("invalid scenario document")
                .contains("events[0].rate: must be at most 10, was 1.0E308; allowed: 0 to 10 (0 % to 1000 %)")
                .contains("EMBARGO");
    }

    @Test
    void ratesAddedUpBeyondTheBoundAreAFailedEventNamingTheEvent() {
        String doc = """
                {"name": "stacked", "baseYear": 2023, "horizon": 2027, "products": ["850511"], "events": [
                  {"type": "TARIFF", "year": 2024, "importers": "USA", "exporters": "CHN", "rate": 6, "mode": "add"},
                  {"type": "TARIFF", "year": 2026, "importers": "USA", "exporters": "CHN", "rate": 6, "mode": "add"}]}""";
        SimulationResultEvent failed = onlyFailure(new ScenarioComputation().compute(request("stacked", 1, doc), baseline2023));
        assertThat(failed.product()).isEqualTo(PRODUCT);
        assertThat(failed.error()).isEqualTo("product 850511: events[1] TARIFF raises the import tariff of USA on goods"
                + " from CHN to 12.021 in 2026; a rate in force must lie in 0 to 10 (0 % to 1000 %), also when events"
                + " with mode add accumulate; a prohibitive barrier is written as an EMBARGO event");
    }

    @Test
    void aSolutionOfMeaninglessSizeIsAFailedEventNamingTheNumber() {
        // each number within its bounds, but fixed supply and almost inelastic demand: a world price near 1e34
        String doc = """
                {"name": "rigid", "baseYear": 2023, "products": ["850511"],
                 "elasticities": {"sigma": 50, "eta": -0.000001, "eps": 0},
                 "events": [{"type": "NTB", "importers": "USA", "exporters": "EU27", "rate": 3}]}""";
        SimulationResultEvent failed = onlyFailure(new ScenarioComputation().compute(request("rigid", 1, doc), baseline2023));
        assertThat(failed.product()).isEqualTo(PRODUCT);
        assertThat(failed.error()).startsWith("product 850511: forecast year 2023: the solution is not reported: world price of ")
                .contains("times its base-year level (a price that moved more than a millionfold either way is not reported)");
    }

    @Test
    void aPinnedScenarioIsSolvedLikeAnUnpinnedOneAndItsBaselineKeepsThePin() {
        String pin = "sha256:" + "ab".repeat(32);
        String doc = usTariff.replaceFirst("\\{", "{\"datasetVersion\": \"" + pin + "\", ");
        Scenario scenario = ScenarioComputation.readScenario(doc, DatasetCatalogue.of(baseline2023));
        assertThat(scenario.datasetVersion()).isEqualTo(pin);
        assertThat(ScenarioForecaster.baselineOf(scenario).datasetVersion()).isEqualTo(pin);
        List<SimulationResultEvent> pinned = new ScenarioComputation().compute(request("us-tariff", 3, doc), baseline2023);
        assertThat(pinned).isEqualTo(usTariffResults);
    }

    @Test
    void aBaselineOfAnotherYearIsNoBaselineForTheBaseYear() {
        TradeBaselineEvent y2022 = DemoBaselines.event("demo-v1", 2022, PRODUCT);
        List<SimulationResultEvent> results = new ScenarioComputation().compute(request("us-tariff", 1, usTariff), y2022);
        assertThat(results).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ComputationStatus.FAILED);
            assertThat(e.year()).isEqualTo(2023);
            assertThat(e.lastYear()).isEqualTo(2030);
            assertThat(e.product()).isEqualTo(PRODUCT);
            assertThat(e.error()).contains("no baseline of product 850511 for the base year 2023");
        });
    }

    @Test
    void aPathWithoutEquilibriumIsOneFailedEvent() {
        // no Newton step allowed: the tariff year cannot be solved
        ScenarioComputation strict = new ScenarioComputation(new SolverSettings(1e-10, 0, 1e-12));
        List<SimulationResultEvent> results = strict.compute(request("us-tariff", 1, usTariff), baseline2023);
        assertThat(results).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ComputationStatus.FAILED);
            assertThat(e.year()).isEqualTo(2023);
            assertThat(e.error()).contains("product 850511").contains("forecast year 2025");
        });
    }

    @Test
    void aProductWithoutTradeFails() {
        TradeBaselineEvent empty = new TradeBaselineEvent(1, "demo-v1", 2023, PRODUCT, DemoBaselines.YEARS,
                DemoBaselines.PRODUCTS, "n", List.of(), List.of());
        assertThat(new ScenarioComputation().compute(request("us-tariff", 1, usTariff), empty))
                .singleElement().satisfies(e -> assertThat(e.error()).contains("no foreign trade in 2023"));
    }

    private static FlowValue flow(SimulationResultEvent.Solution solution, String exporter, String importer) {
        return solution.flows().stream().filter(f -> f.exporter().equals(exporter) && f.importer().equals(importer))
                .findFirst().orElseThrow();
    }
}
