package org.rareearth.simulation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.CountrySet;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.PolicyEvent.DemandShift;
import org.rareearth.shared.scenario.PolicyEvent.Tariff;
import org.rareearth.shared.scenario.RateMode;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.LinearGsimSolver;
import org.rareearth.simulation.solver.SolverSettings;

class ForecastPathTest {

    private static final String MAGNETS = "850511";
    private static final List<String> COUNTRIES = List.of("CHN", "DEU", "USA");
    private static final int CHN = 0;
    private static final int DEU = 1;
    private static final int USA = 2;
    /** Benchmark values with domestic shipments on the diagonal (thousand USD). */
    private static final double[][] V0 = {
            {500, 120, 200},
            {10, 80, 15},
            {20, 5, 60}};
    private static final int BASE = 2023;

    private final EquilibriumSolver newton = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Test
    void withoutEventsEveryYearReproducesTheBenchmark() {
        ArmingtonMarket market = market();

        List<YearOutcome> path = ForecastPath.newton(newton).run(market, ScenarioPolicy.none(BASE, List.of(MAGNETS)),
                BASE, 2027);

        assertThat(path).extracting(YearOutcome::year).containsExactly(2023, 2024, 2025, 2026, 2027);
        for (YearOutcome year : path) {
            assertAtBenchmark(market, year);
            assertThat(year.eventsInForce()).isEmpty();
            assertThat(year.equilibrium().iterations()).as("iterations in %s", year.year()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theBaseYearAloneIsAOneYearPath() {
        List<YearOutcome> path = ForecastPath.newton(newton).run(market(), ScenarioPolicy.none(BASE, List.of(MAGNETS)),
                BASE, BASE);

        assertThat(path).hasSize(1);
        assertThat(path.get(0).year()).isEqualTo(BASE);
    }

    @Test
    void theScenarioItselfGivesTheYearsWhenNoneAreGiven() {
        Scenario scenario = new Scenario("years", 2022, 2024, List.of(MAGNETS), Elasticities.DEFAULTS, Map.of(), List.of());

        List<YearOutcome> path = ForecastPath.newton(newton).run(market(), new ScenarioPolicy(scenario, List.of(MAGNETS)));

        assertThat(path).extracting(YearOutcome::year).containsExactly(2022, 2023, 2024);
    }

    @Test
    void theLinearSolverCanDriveThePathToo() {
        ArmingtonMarket market = market();

        List<YearOutcome> path = ForecastPath.linear(new LinearGsimSolver()).run(market,
                ScenarioPolicy.none(BASE, List.of(MAGNETS)), BASE, 2025);

        assertThat(path).hasSize(3);
        for (YearOutcome year : path) {
            assertAtBenchmark(market, year);
        }
    }

    @Test
    void demandGrowingNinePercentAYearRaisesTheImportersCompositeDemandYearOverYear() {
        ArmingtonMarket market = market();
        ScenarioPolicy policy = policy(new DemandShift(2024, CountrySet.of("USA"), null, 0.09, null));

        List<YearOutcome> path = ForecastPath.newton(newton).run(market, policy, BASE, 2027);

        assertAtBenchmark(market, path.get(0));
        double previous = path.get(0).equilibrium().compositeDemand()[USA];
        for (YearOutcome year : path.subList(1, path.size())) {
            double demand = year.equilibrium().compositeDemand()[USA];
            assertThat(demand).as("USA composite demand in %s", year.year()).isGreaterThan(previous * 1.01);
            assertThat(year.policy().demandShift(USA)).isCloseTo(Math.pow(1.09, year.year() - 2024 + 1), within(1e-12));
            assertThat(year.eventsInForce()).containsExactly("events[0] DEMAND_SHIFT (from 2024)");
            previous = demand;
        }
        // more demand for everyone's goods: world prices rise above the benchmark
        assertThat(path.get(4).equilibrium().worldPrices()[CHN]).isGreaterThan(1.0);
    }

    @Test
    void aTariffFromALaterYearLeavesEarlierYearsAtTheBenchmark() {
        ArmingtonMarket market = market();
        ScenarioPolicy policy = policy(new Tariff(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.ADD, null));

        List<YearOutcome> path = ForecastPath.newton(newton).run(market, policy, BASE, 2026);

        assertAtBenchmark(market, path.get(0));
        assertAtBenchmark(market, path.get(1));
        assertThat(path.get(1).eventsInForce()).isEmpty();
        Equilibrium y2025 = path.get(2).equilibrium();
        Equilibrium y2026 = path.get(3).equilibrium();
        assertThat(path.get(2).policy().tariff(CHN, USA)).isCloseTo(0.28, within(1e-15));
        assertThat(path.get(2).eventsInForce()).containsExactly("events[0] TARIFF (from 2025)");
        assertThat(y2025.quantities()[CHN][USA]).isLessThan(V0[CHN][USA] * 0.99);
        assertThat(y2025.worldPrices()[CHN]).isLessThan(1.0);
        assertThat(y2025.iterations()).isGreaterThanOrEqualTo(2);
        // 2026 has the same policy as 2025 and starts from 2025's prices: nothing left to solve
        assertThat(y2026.iterations()).isLessThanOrEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(y2026.worldPrices()[i]).isCloseTo(y2025.worldPrices()[i], within(1e-9));
        }
        assertThat(path.get(3).welfare()[USA].tariffRevenue()).isGreaterThan(0.0);
    }

    @Test
    void theLinearSolverFollowsTheNewtonPathToFirstOrder() {
        ArmingtonMarket market = market();
        ScenarioPolicy policy = policy(new Tariff(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.01, RateMode.ADD, null));

        List<YearOutcome> linear = ForecastPath.linear(new LinearGsimSolver()).run(market, policy, BASE, 2025);
        List<YearOutcome> exact = ForecastPath.newton(newton).run(market, policy, BASE, 2025);

        assertAtBenchmark(market, linear.get(1));
        double linearChange = linear.get(2).equilibrium().worldPrices()[CHN] - 1;
        double exactChange = exact.get(2).equilibrium().worldPrices()[CHN] - 1;
        assertThat(exactChange).isNegative();
        assertThat(linearChange).isCloseTo(exactChange, within(0.05 * Math.abs(exactChange)));
    }

    @Test
    void anExporterShutOutOfEveryMarketDoesNotStopTheNextYear() {
        // KOR has no domestic shipments: an embargo on all its exports leaves it no market (p = 0)
        List<String> countries = List.of("CHN", "KOR", "USA");
        ArmingtonMarket market = ArmingtonMarket.calibrate(new TradeMatrix(countries, new double[][] {
                {500, 30, 200},
                {40, 0, 25},
                {20, 5, 60}}), PolicyState.free(3), MarketElasticities.uniform(3, 4.0, -0.5, 2.0));
        Scenario scenario = new Scenario("shut", BASE, 2026, List.of(MAGNETS), Elasticities.DEFAULTS, Map.of(), List.of(
                new PolicyEvent.Embargo(2024, CountrySet.of("KOR"), CountrySet.all(), null),
                new DemandShift(2025, CountrySet.all(), null, 0.09, null)));

        List<double[]> starts = new ArrayList<>();
        ForecastPath recording = new ForecastPath((m, p, start) -> {
            starts.add(start == null ? null : start.clone());
            return newton.solve(m, p, start);
        });

        List<YearOutcome> path = recording.run(market, new ScenarioPolicy(scenario, List.of(MAGNETS)), BASE, 2026);

        assertThat(path).hasSize(4);
        assertThat(path.get(1).equilibrium().worldPrices()[1]).isZero();
        // a zero price cannot start a solve in logs: the next year starts KOR at 1, the others where they were
        assertThat(starts.get(2)[1]).isEqualTo(1.0);
        assertThat(starts.get(2)[0]).isEqualTo(path.get(1).equilibrium().worldPrices()[0]);
        assertThat(path.get(3).equilibrium().worldPrices()[1]).isZero();
        assertThat(path.get(3).equilibrium().compositeDemand()[2])
                .isGreaterThan(path.get(2).equilibrium().compositeDemand()[2]);
    }

    @Test
    void eachYearStartsFromThePreviousYearsWorldPrices() {
        ArmingtonMarket market = market();
        List<double[]> starts = new ArrayList<>();
        List<PolicyState> solved = new ArrayList<>();
        ForecastPath path = new ForecastPath((m, p, start) -> {
            starts.add(start == null ? null : start.clone());
            solved.add(p);
            return newton.solve(m, p, start);
        });
        ScenarioPolicy policy = policy(new DemandShift(2024, CountrySet.all(), null, 0.09, null),
                new Tariff(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.SET, null));

        List<YearOutcome> outcomes = path.run(market, policy, BASE, 2026);

        assertThat(starts).hasSize(4);
        assertThat(starts.get(0)).isNull();
        for (int k = 1; k < 4; k++) {
            assertThat(starts.get(k)).containsExactly(outcomes.get(k - 1).equilibrium().worldPrices());
        }
        assertThat(solved.get(2).tariff(CHN, USA)).isEqualTo(0.25);
        assertThat(solved.get(1).tariff(CHN, USA)).isEqualTo(market.benchmarkPolicy().tariff(CHN, USA));
    }

    @Test
    void aSolverFailureNamesTheYear() {
        IllegalStateException boom = new IllegalStateException("singular Jacobian");
        ForecastPath path = new ForecastPath((m, p, start) -> {
            if (p.capacityShift(DEU) != 1.0) {
                throw boom;
            }
            return newton.solve(m, p, start);
        });
        ScenarioPolicy policy = policy(new PolicyEvent.CapacityShift(2025, CountrySet.of("DEU"), 1.5, null, null));

        assertThatThrownBy(() -> path.run(market(), policy, BASE, 2027))
                .isInstanceOf(ForecastException.class)
                .hasMessageContaining("2025")
                .hasMessageContaining("singular Jacobian")
                .hasCause(boom)
                .satisfies(e -> assertThat(((ForecastException) e).year()).isEqualTo(2025));
    }

    // ---------------------------------------------------------------- solutions that are not reported

    /** A solver that returns Newton's answer with one number replaced from {@code year} on. */
    private ForecastPath tampered(int fromYear, java.util.function.Consumer<Equilibrium> change) {
        int[] year = {BASE};
        return new ForecastPath((m, p, start) -> {
            Equilibrium eq = newton.solve(m, p, start);
            if (year[0]++ >= fromYear) {
                change.accept(eq);
            }
            return eq;
        });
    }

    @Test
    void aYearWithANonFiniteNumberFailsNamingTheYearAndTheNumber() {
        ScenarioPolicy policy = policy(new Tariff(2025, CountrySet.of("CHN"), CountrySet.of("USA"), 0.25, RateMode.SET, null));

        assertThatThrownBy(() -> tampered(2025, eq -> eq.worldPrices()[DEU] = Double.NaN).run(market(), policy, BASE, 2027))
                .isInstanceOf(ForecastException.class)
                .hasMessage("forecast year 2025: the solution is not reported: world price of DEU is NaN")
                .satisfies(e -> assertThat(((ForecastException) e).year()).isEqualTo(2025));
        assertThatThrownBy(() -> tampered(2024, eq -> eq.quantities()[CHN][USA] = Double.POSITIVE_INFINITY)
                .run(market(), policy, BASE, 2027))
                .hasMessage("forecast year 2024: the solution is not reported: flow CHN -> USA is Infinity");
        assertThatThrownBy(() -> tampered(BASE, eq -> eq.compositePrices()[USA] = Double.NaN).run(market(), policy, BASE, BASE))
                .hasMessage("forecast year 2023: the solution is not reported: composite price of USA is NaN");
    }

    @Test
    void aYearWithAPriceOfMeaninglessSizeFails() {
        ScenarioPolicy none = ScenarioPolicy.none(BASE, List.of(MAGNETS));

        assertThatThrownBy(() -> tampered(BASE, eq -> eq.worldPrices()[CHN] = 2e6).run(market(), none, BASE, BASE))
                .isInstanceOf(ForecastException.class)
                .hasMessageStartingWith("forecast year 2023: the solution is not reported: world price of CHN is 2000000.0"
                        + " times its base-year level");
        assertThatThrownBy(() -> tampered(BASE, eq -> eq.compositePrices()[DEU] = 1e-7).run(market(), none, BASE, BASE))
                .hasMessageContaining("composite price of DEU is 1.0E-7 times its base-year level");
        // a millionfold either way is still reported
        assertThat(tampered(BASE, eq -> eq.compositePrices()[DEU] = 1e-6).run(market(), none, BASE, BASE)).hasSize(1);
    }

    @Test
    void theNumbersTheModelDefinesAsNotFiniteAreReported() {
        // CCC buys only from AAA: an embargo leaves it unserved (PC = NaN, dCS = -Infinity with eta = -0.5)
        List<String> countries = List.of("AAA", "BBB", "CCC");
        ArmingtonMarket market = ArmingtonMarket.calibrate(new TradeMatrix(countries, new double[][] {
                {50, 10, 5},
                {10, 50, 0},
                {0, 0, 0}}), PolicyState.free(3), MarketElasticities.uniform(3, 4.0, -0.5, 2.0));
        Scenario scenario = new Scenario("unserved", BASE, BASE, List.of(MAGNETS), Elasticities.DEFAULTS, Map.of(),
                List.of(new PolicyEvent.Embargo(null, CountrySet.of("AAA"), CountrySet.of("CCC"), null)));

        YearOutcome year = ForecastPath.newton(newton).run(market, new ScenarioPolicy(scenario, List.of(MAGNETS))).get(0);

        assertThat(year.equilibrium().unserved()[2]).isTrue();
        assertThat(year.equilibrium().compositePrices()[2]).isNaN();
        assertThat(year.welfare()[2].consumerSurplus()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(year.welfare()[2].net()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aHorizonBeforeTheBaseYearIsRejected() {
        assertThatThrownBy(() -> ForecastPath.newton(newton).run(market(), ScenarioPolicy.none(BASE, List.of(MAGNETS)),
                BASE, BASE - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
    }

    // ---------------------------------------------------------------- helpers

    private static ScenarioPolicy policy(PolicyEvent... events) {
        Scenario scenario = new Scenario("test", BASE, 2030, List.of(MAGNETS), Elasticities.DEFAULTS, Map.of(),
                List.of(events));
        return new ScenarioPolicy(scenario, List.of(MAGNETS));
    }

    private static ArmingtonMarket market() {
        PolicyState benchmark = PolicyState.free(3);
        benchmark.setTariff(CHN, USA, 0.03);
        benchmark.setTariff(CHN, DEU, 0.02);
        benchmark.setExportTax(CHN, DEU, 0.05);
        benchmark.setNtb(USA, DEU, 0.01);
        return ArmingtonMarket.calibrate(new TradeMatrix(COUNTRIES, V0), benchmark,
                MarketElasticities.uniform(3, 4.0, -0.5, 2.0));
    }

    private static void assertAtBenchmark(ArmingtonMarket market, YearOutcome year) {
        assertThat(market.size()).isEqualTo(3);
        Equilibrium eq = year.equilibrium();
        for (int i = 0; i < 3; i++) {
            assertThat(eq.worldPrices()[i]).as("p[%s] in %s", COUNTRIES.get(i), year.year()).isCloseTo(1.0, within(1e-9));
            for (int j = 0; j < 3; j++) {
                assertThat(eq.quantities()[i][j]).as("q[%s][%s] in %s", COUNTRIES.get(i), COUNTRIES.get(j), year.year())
                        .isCloseTo(V0[i][j], within(1e-9 * V0[i][j]));
            }
        }
        for (CountryWelfare w : year.welfare()) {
            assertThat(w.net()).isCloseTo(0.0, within(1e-7));
        }
    }
}
