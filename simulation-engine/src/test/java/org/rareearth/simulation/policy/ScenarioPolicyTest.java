package org.rareearth.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.CountrySet;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.PolicyEvent.CapacityShift;
import org.rareearth.shared.scenario.PolicyEvent.Coalition;
import org.rareearth.shared.scenario.PolicyEvent.DemandShift;
import org.rareearth.shared.scenario.PolicyEvent.Embargo;
import org.rareearth.shared.scenario.PolicyEvent.ExportQuota;
import org.rareearth.shared.scenario.PolicyEvent.ExportTax;
import org.rareearth.shared.scenario.PolicyEvent.Liberalization;
import org.rareearth.shared.scenario.PolicyEvent.Ntb;
import org.rareearth.shared.scenario.PolicyEvent.Tariff;
import org.rareearth.shared.scenario.RateMode;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

class ScenarioPolicyTest {

    private static final String MAGNETS = "850511";
    private static final String COMPOUNDS = "284690";
    private static final String METALS = "280530";
    /** Indices 0..3. DEU and FRA are in the EU27. */
    private static final List<String> COUNTRIES = List.of("CHN", "DEU", "FRA", "USA");
    private static final int CHN = 0;
    private static final int DEU = 1;
    private static final int FRA = 2;
    private static final int USA = 3;

    /** Benchmark tariff t0[i][j] = (10 i + j) / 1000 off the diagonal. */
    private static final double[][] T0 = {
            {0, 0.001, 0.002, 0.003},
            {0.010, 0, 0.012, 0.013},
            {0.020, 0.021, 0, 0.023},
            {0.030, 0.031, 0.032, 0}};
    /** Benchmark export tax x0 = 2 t0. */
    private static final double[][] X0 = scale(T0, 2);
    /** Benchmark NTB n0 = 4 t0. */
    private static final double[][] N0 = scale(T0, 4);

    // ---------------------------------------------------------------- TARIFF, EXPORT_TAX, NTB

    @Test
    void tariffSetReplacesTheRateOnTheListedFlowOnly() {
        PolicyState s = state(2025, new Tariff(2025, set("CHN"), set("USA"), 0.25, RateMode.SET, null));

        double[][] expected = copy(T0);
        expected[CHN][USA] = 0.25;
        assertMatrix(tariffs(s), expected);
        assertMatrix(exportTaxes(s), X0);
        assertMatrix(ntbs(s), N0);
    }

    @Test
    void tariffAddAddsToTheRateInForce() {
        PolicyState s = state(2025, new Tariff(2025, set("CHN"), set("USA"), 0.25, RateMode.ADD, null));

        double[][] expected = copy(T0);
        expected[CHN][USA] = 0.253;
        assertMatrix(tariffs(s), expected);
    }

    @Test
    void nullModeMeansSet() {
        PolicyState s = state(2025, new Tariff(null, set("CHN"), set("USA"), 0.25, null, null));

        assertThat(s.tariff(CHN, USA)).isEqualTo(0.25);
    }

    @Test
    void starCoversEveryForeignPairAndLeavesTheDiagonalAlone() {
        PolicyState s = state(2025, new Tariff(null, CountrySet.all(), CountrySet.all(), 0.1, RateMode.ADD, null));

        double[][] expected = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected[i][j] = i == j ? 0 : T0[i][j] + 0.1;
            }
        }
        assertMatrix(tariffs(s), expected);
        for (int i = 0; i < 4; i++) {
            assertThat(s.wedge(i, i)).isEqualTo(1.0);
        }
    }

    @Test
    void exportTaxSetAndAdd() {
        PolicyState s = state(2025,
                new ExportTax(2025, set("CHN"), set("DEU", "USA"), 0.15, RateMode.SET, null),
                new ExportTax(2025, set("USA"), set("CHN"), 0.1, RateMode.ADD, null));

        double[][] expected = copy(X0);
        expected[CHN][DEU] = 0.15;
        expected[CHN][USA] = 0.15;
        expected[USA][CHN] = 0.06 + 0.1;
        assertMatrix(exportTaxes(s), expected);
        assertMatrix(tariffs(s), T0);
        assertMatrix(ntbs(s), N0);
    }

    @Test
    void ntbOnTheBuiltInEu27GroupReachesOnlyItsMembersInThisMarket() {
        // EU27 has 27 members; only DEU and FRA trade in this market, the rest are ignored.
        PolicyState s = state(2025, new Ntb(2025, CountrySet.all(), set("EU27"), 0.05, RateMode.SET, null));

        double[][] expected = copy(N0);
        for (int i : new int[] {CHN, DEU, FRA, USA}) {
            for (int j : new int[] {DEU, FRA}) {
                if (i != j) {
                    expected[i][j] = 0.05;
                }
            }
        }
        assertMatrix(ntbs(s), expected);
        assertThat(s.ntb(DEU, DEU)).isZero();
        assertMatrix(tariffs(s), T0);
        assertMatrix(exportTaxes(s), X0);
    }

    @Test
    void scenarioGroupsResolveAndShadowBuiltInOnes() {
        Map<String, List<String>> groups = Map.of(
                "MSP", List.of("USA", "JPN", "DEU"),   // JPN is not in this market
                "EU27", List.of("FRA"));                // shadows the built-in EU27
        ScenarioPolicy policy = new ScenarioPolicy(scenario(groups,
                new Tariff(2025, set("CHN"), set("MSP"), 0.2, RateMode.SET, null),
                new Tariff(2025, set("USA"), set("EU27"), 0.3, RateMode.SET, null)), List.of(MAGNETS));

        PolicyState s = policy.stateFor(2025, COUNTRIES, benchmark());

        double[][] expected = copy(T0);
        expected[CHN][USA] = 0.2;
        expected[CHN][DEU] = 0.2;
        expected[USA][FRA] = 0.3;   // not USA->DEU: the scenario's EU27 is just FRA
        assertMatrix(tariffs(s), expected);
    }

    @Test
    void countriesOutsideTheMarketAreIgnored() {
        PolicyState s = state(2025, new Tariff(2025, set("JPN", "CHN"), set("GBR", "KOR"), 0.5, RateMode.SET, null),
                new Embargo(2025, set("RUS"), CountrySet.all(), null));

        assertMatrix(tariffs(s), T0);
        assertThat(embargoes(s)).isDeepEqualTo(new boolean[4][4]);
    }

    // ---------------------------------------------------------------- years and order

    @Test
    void eventsApplyFromTheirYearOnAndInDocumentOrder() {
        ScenarioPolicy policy = new ScenarioPolicy(scenario(Map.of(),
                new Tariff(2025, set("CHN"), set("USA"), 0.25, RateMode.SET, null),
                new Tariff(2026, set("CHN"), set("USA"), 0.05, RateMode.ADD, null),
                new Tariff(null, set("DEU"), set("USA"), 0.07, RateMode.SET, null),
                new Tariff(2027, set("FRA"), set("USA"), 0.10, RateMode.ADD, null),
                new Tariff(2027, set("FRA"), set("USA"), 0.40, RateMode.SET, null)), List.of(MAGNETS));

        PolicyState y2024 = policy.stateFor(2024, COUNTRIES, benchmark());
        PolicyState y2025 = policy.stateFor(2025, COUNTRIES, benchmark());
        PolicyState y2026 = policy.stateFor(2026, COUNTRIES, benchmark());
        PolicyState y2030 = policy.stateFor(2030, COUNTRIES, benchmark());

        assertThat(y2024.tariff(CHN, USA)).isEqualTo(0.003);
        assertThat(y2024.tariff(DEU, USA)).isEqualTo(0.07);   // no year: always in force
        assertThat(y2025.tariff(CHN, USA)).isEqualTo(0.25);
        assertThat(y2026.tariff(CHN, USA)).isCloseTo(0.30, within(1e-15));
        assertThat(y2026.tariff(FRA, USA)).isEqualTo(0.023);
        // ADD then SET in the same year: the later SET wins
        assertThat(y2030.tariff(FRA, USA)).isEqualTo(0.40);
        assertThat(y2030.tariff(CHN, USA)).isCloseTo(0.30, within(1e-15));

        assertThat(policy.appliedEvents(2024)).containsExactly(2);
        assertThat(policy.appliedEvents(2026)).containsExactly(0, 1, 2);
        assertThat(policy.appliedEvents(2030)).containsExactly(0, 1, 2, 3, 4);
        assertThat(policy.appliedEventLabels(2025))
                .containsExactly("events[0] TARIFF (from 2025)", "events[2] TARIFF (always)");
    }

    @Test
    void theBenchmarkStateIsNotModified() {
        PolicyState benchmark = benchmark();
        ScenarioPolicy policy = new ScenarioPolicy(scenario(Map.of(),
                new Tariff(null, CountrySet.all(), CountrySet.all(), 0.9, RateMode.SET, null),
                new DemandShift(null, CountrySet.all(), 2.0, null, null)), List.of(MAGNETS));

        policy.stateFor(2025, COUNTRIES, benchmark);

        assertMatrix(tariffs(benchmark), T0);
        assertThat(benchmark.demandShift(USA)).isEqualTo(1.0);
    }

    // ---------------------------------------------------------------- EMBARGO, EXPORT_QUOTA

    @Test
    void embargoClosesTheListedForeignPairsOnly() {
        PolicyState s = state(2027, new Embargo(2027, set("CHN"), set("USA", "CHN", "DEU"), null));

        boolean[][] expected = new boolean[4][4];
        expected[CHN][USA] = true;
        expected[CHN][DEU] = true;
        assertThat(embargoes(s)).isDeepEqualTo(expected);
        assertMatrix(tariffs(s), T0);
    }

    @Test
    void exportQuotaOnTotalForeignSales() {
        PolicyState s = state(2026, new ExportQuota(2026, "CHN", null, 0.8, null));

        assertThat(s.quotas()).containsExactly(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.8));
    }

    @Test
    void exportQuotaOnListedFlowsCreatesOneCapPerForeignFlow() {
        PolicyState s = state(2026, new ExportQuota(2026, "CHN", set("USA", "CHN", "DEU", "JPN"), 0.5, null),
                new ExportQuota(2026, "JPN", null, 0.5, null));

        assertThat(s.quotas()).containsExactlyInAnyOrder(new QuotaCap(CHN, DEU, 0.5), new QuotaCap(CHN, USA, 0.5));
        assertThat(state(2025, new ExportQuota(2026, "CHN", null, 0.8, null)).quotas()).isEmpty();
    }

    // ---------------------------------------------------------------- COALITION

    @Test
    void discriminatoryCoalitionRemovesInternalBarriersAndRaisesTheExternalTariff() {
        PolicyState benchmark = benchmark();
        benchmark.setTariff(CHN, FRA, 0.40);        // above the external tariff: kept
        benchmark.setEmbargoed(DEU, USA, true);     // internal: lifted
        benchmark.setEmbargoed(CHN, USA, true);     // external: kept
        ScenarioPolicy policy = new ScenarioPolicy(scenario(Map.of("MSP", List.of("DEU", "FRA", "USA", "JPN")),
                new Coalition(2026, set("MSP"), true, 0.25, null)), List.of(MAGNETS));

        PolicyState s = policy.stateFor(2026, COUNTRIES, benchmark);

        assertMatrix(tariffs(s), new double[][] {
                {0, 0.25, 0.40, 0.25},
                {0.010, 0, 0, 0},
                {0.020, 0, 0, 0},
                {0.030, 0, 0, 0}});
        assertMatrix(exportTaxes(s), new double[][] {
                {0, 0.002, 0.004, 0.006},
                {0.020, 0, 0, 0},
                {0.040, 0, 0, 0},
                {0.060, 0, 0, 0}});
        assertMatrix(ntbs(s), new double[][] {
                {0, 0.004, 0.008, 0.012},
                {0.040, 0, 0, 0},
                {0.080, 0, 0, 0},
                {0.120, 0, 0, 0}});
        boolean[][] closed = new boolean[4][4];
        closed[CHN][USA] = true;
        assertThat(embargoes(s)).isDeepEqualTo(closed);
        // before its year the benchmark holds
        assertMatrix(tariffs(policy.stateFor(2025, COUNTRIES, benchmark)), tariffs(benchmark));
    }

    @Test
    void openCoalitionAlsoRemovesMembersBarriersTowardsEveryone() {
        PolicyState benchmark = benchmark();
        benchmark.setEmbargoed(DEU, USA, true);     // internal: lifted
        benchmark.setEmbargoed(CHN, USA, true);     // with a non-member: kept
        ScenarioPolicy policy = new ScenarioPolicy(scenario(Map.of("MSP", List.of("DEU", "FRA", "USA")),
                new Coalition(2026, set("MSP"), false, 0.0, null)), List.of(MAGNETS));

        PolicyState s = policy.stateFor(2026, COUNTRIES, benchmark);

        // members' import tariffs on everyone gone; CHN's own import tariffs (column CHN) stay
        assertMatrix(tariffs(s), new double[][] {
                {0, 0, 0, 0},
                {0.010, 0, 0, 0},
                {0.020, 0, 0, 0},
                {0.030, 0, 0, 0}});
        // members' export taxes towards everyone gone; CHN's export taxes (row CHN) stay
        assertMatrix(exportTaxes(s), new double[][] {
                {0, 0.002, 0.004, 0.006},
                {0, 0, 0, 0},
                {0, 0, 0, 0},
                {0, 0, 0, 0}});
        // members' NTBs on imports from everyone gone; CHN's NTBs on imports stay
        assertMatrix(ntbs(s), new double[][] {
                {0, 0, 0, 0},
                {0.040, 0, 0, 0},
                {0.080, 0, 0, 0},
                {0.120, 0, 0, 0}});
        boolean[][] closed = new boolean[4][4];
        closed[CHN][USA] = true;
        assertThat(embargoes(s)).isDeepEqualTo(closed);
    }

    // ---------------------------------------------------------------- LIBERALIZATION

    @Test
    void liberalizationHalvesTheListedImportersTariffsOnly() {
        PolicyState s = state(2026, new Liberalization(2026, 0.5, set("USA", "EU27"), null));

        assertMatrix(tariffs(s), new double[][] {
                {0, 0.0005, 0.001, 0.0015},
                {0.010, 0, 0.006, 0.0065},
                {0.020, 0.0105, 0, 0.0115},
                {0.030, 0.0155, 0.016, 0}});
        assertMatrix(exportTaxes(s), X0);
        assertMatrix(ntbs(s), N0);
    }

    @Test
    void fullLiberalizationOfEveryoneRemovesAllTariffsButNotExportTaxesOrNtbs() {
        PolicyState s = state(2026, new Liberalization(2026, 1.0, CountrySet.all(), null));

        assertMatrix(tariffs(s), new double[4][4]);
        assertMatrix(exportTaxes(s), X0);
        assertMatrix(ntbs(s), N0);
        assertThat(s.wedge(CHN, USA)).isCloseTo((1 + 0.006) * (1 + 0.012), within(1e-15));
    }

    // ---------------------------------------------------------------- DEMAND_SHIFT, CAPACITY_SHIFT

    @Test
    void demandShiftFactorAppliesFromItsYearOn() {
        ScenarioPolicy policy = policy(new DemandShift(2025, set("USA"), 1.3, null, null));

        assertThat(demandShifts(policy.stateFor(2024, COUNTRIES, benchmark()))).containsExactly(1, 1, 1, 1);
        assertThat(demandShifts(policy.stateFor(2025, COUNTRIES, benchmark()))).containsExactly(1, 1, 1, 1.3);
        assertThat(demandShifts(policy.stateFor(2030, COUNTRIES, benchmark()))).containsExactly(1, 1, 1, 1.3);
        assertThat(capacityShifts(policy.stateFor(2030, COUNTRIES, benchmark()))).containsExactly(1, 1, 1, 1);
    }

    @Test
    void demandGrowthCompoundsFromItsYear() {
        ScenarioPolicy policy = policy(new DemandShift(2024, CountrySet.all(), null, 0.09, null));

        assertThat(policy.stateFor(2023, COUNTRIES, benchmark()).demandShift(DEU)).isEqualTo(1.0);
        assertThat(policy.stateFor(2024, COUNTRIES, benchmark()).demandShift(DEU)).isCloseTo(1.09, within(1e-12));
        assertThat(policy.stateFor(2026, COUNTRIES, benchmark()).demandShift(DEU))
                .isCloseTo(1.09 * 1.09 * 1.09, within(1e-12));
        assertThat(policy.stateFor(2026, COUNTRIES, benchmark()).demandShift(CHN))
                .isCloseTo(1.295029, within(1e-12));
    }

    @Test
    void growthWithoutAYearStartsAfterTheBaseYear() {
        ScenarioPolicy policy = policy(new DemandShift(null, set("USA"), null, 0.09, null));  // base year 2023

        assertThat(policy.stateFor(2023, COUNTRIES, benchmark()).demandShift(USA)).isEqualTo(1.0);
        assertThat(policy.stateFor(2025, COUNTRIES, benchmark()).demandShift(USA)).isCloseTo(1.09 * 1.09, within(1e-12));
    }

    @Test
    void capacityShiftsMultiplyAndStack() {
        ScenarioPolicy policy = policy(
                new CapacityShift(2025, set("USA"), 1.3, null, null),
                new CapacityShift(2026, set("USA", "CHN"), null, -0.1, null),
                new DemandShift(2025, set("CHN"), 0.5, null, null));

        PolicyState y2027 = policy.stateFor(2027, COUNTRIES, benchmark());

        assertThat(y2027.capacityShift(USA)).isCloseTo(1.3 * 0.9 * 0.9, within(1e-12));
        assertThat(y2027.capacityShift(CHN)).isCloseTo(0.81, within(1e-12));
        assertThat(y2027.capacityShift(DEU)).isEqualTo(1.0);
        assertThat(y2027.demandShift(CHN)).isEqualTo(0.5);
        assertThat(y2027.demandShift(USA)).isEqualTo(1.0);
        assertThat(policy.stateFor(2025, COUNTRIES, benchmark()).capacityShift(USA)).isEqualTo(1.3);
    }

    // ---------------------------------------------------------------- products

    @Test
    void aSingleProductMarketTakesOnlyEventsListingItsProduct() {
        Scenario scenario = scenario(Map.of(),
                new Tariff(2025, set("CHN"), set("USA"), 0.25, RateMode.SET, List.of(MAGNETS, COMPOUNDS)),
                new Tariff(2025, set("CHN"), set("DEU"), 0.25, RateMode.SET, List.of(COMPOUNDS)),
                new Tariff(2025, set("CHN"), set("FRA"), 0.25, RateMode.SET, null));

        ScenarioPolicy magnets = new ScenarioPolicy(scenario, List.of(MAGNETS));
        PolicyState s = magnets.stateFor(2025, COUNTRIES, benchmark());

        assertThat(s.tariff(CHN, USA)).isEqualTo(0.25);
        assertThat(s.tariff(CHN, DEU)).isEqualTo(0.001);
        assertThat(s.tariff(CHN, FRA)).isEqualTo(0.25);
        assertThat(magnets.appliedEvents(2025)).containsExactly(0, 2);
        assertThat(magnets.warnings()).isEmpty();

        ScenarioPolicy compounds = new ScenarioPolicy(scenario, List.of(COMPOUNDS));
        assertThat(compounds.stateFor(2025, COUNTRIES, benchmark()).tariff(CHN, DEU)).isEqualTo(0.25);
        assertThat(compounds.appliedEvents(2025)).containsExactly(0, 1, 2);
    }

    @Test
    void anEventCoveringPartOfAnAggregateIsNotAppliedAndIsReported() {
        Scenario scenario = scenario(Map.of(),
                new DemandShift(2024, CountrySet.all(), null, 0.09, List.of(MAGNETS)),
                new CapacityShift(2025, set("USA"), 1.3, null, List.of(METALS, COMPOUNDS, MAGNETS)),
                new Tariff(2030, set("CHN"), set("USA"), 0.25, RateMode.SET, List.of(COMPOUNDS)),
                new Tariff(2025, set("CHN"), set("DEU"), 0.25, RateMode.SET, List.of(METALS)));

        ScenarioPolicy aggregate = new ScenarioPolicy(scenario, List.of(COMPOUNDS, MAGNETS));
        PolicyState s = aggregate.stateFor(2030, COUNTRIES, benchmark());

        assertThat(s.demandShift(USA)).isEqualTo(1.0);            // events[0] covers only MAGNETS
        assertThat(s.capacityShift(USA)).isEqualTo(1.3);          // events[1] covers both
        assertThat(s.tariff(CHN, USA)).isEqualTo(0.003);          // events[2] covers only COMPOUNDS
        assertThat(aggregate.appliedEvents(2030)).containsExactly(1);
        assertThat(aggregate.warnings()).hasSize(2);
        assertThat(aggregate.warnings().get(0)).contains("events[0]", "DEMAND_SHIFT", MAGNETS);
        assertThat(aggregate.warnings().get(1)).contains("events[2]", "TARIFF", COMPOUNDS);
        // events[3] does not touch the aggregate at all: no warning
        assertThat(String.join("\n", aggregate.warnings())).doesNotContain("events[3]");
        // warnings for a year only name the events that would be in force
        assertThat(aggregate.warnings(2025)).hasSize(1);
        assertThat(aggregate.warnings(2025).get(0)).contains("events[0]");
        assertThat(aggregate.warnings(2023)).isEmpty();
    }

    // ---------------------------------------------------------------- the example of MODEL.md 11

    private static Scenario modelDocExample() {
        return new Scenario("US-China escalation", 2023, 2030, List.of(COMPOUNDS, METALS, MAGNETS), Elasticities.DEFAULTS,
                Map.of("MSP", List.of("USA", "JPN", "AUS", "KOR", "DEU", "FRA", "GBR", "CAN", "IND")),
                List.of(
                        new Tariff(2025, set("CHN"), set("USA"), 0.25, RateMode.ADD, null),
                        new ExportTax(2025, set("CHN"), set("USA"), 0.15, RateMode.SET, null),
                        new ExportQuota(2026, "CHN", null, 0.8, null),
                        new Embargo(2027, set("CHN"), set("USA"), null),
                        new Ntb(2025, CountrySet.all(), set("EU27"), 0.05, RateMode.SET, null),
                        new Coalition(2026, set("MSP"), true, 0.25, null),
                        new Liberalization(2026, 1.0, CountrySet.all(), null),
                        new DemandShift(2024, CountrySet.all(), null, 0.09, List.of(MAGNETS)),
                        new CapacityShift(2025, set("USA"), 1.3, null, List.of(COMPOUNDS))));
    }

    @Test
    void theExampleScenarioOfTheSpecOnTheMagnetMarket() {
        ScenarioPolicy policy = new ScenarioPolicy(modelDocExample(), List.of(MAGNETS));

        PolicyState y2025 = policy.stateFor(2025, COUNTRIES, benchmark());
        PolicyState y2027 = policy.stateFor(2027, COUNTRIES, benchmark());

        assertThat(y2025.tariff(CHN, USA)).isCloseTo(0.253, within(1e-15));
        assertThat(y2025.exportTax(CHN, USA)).isEqualTo(0.15);
        assertThat(y2025.quotas()).isEmpty();
        // 2027: the coalition raised CHN's tariffs into members, then liberalization removed every tariff
        assertMatrix(tariffs(y2027), new double[4][4]);
        assertMatrix(exportTaxes(y2027), new double[][] {
                {0, 0.002, 0.004, 0.15},
                {0.020, 0, 0, 0},
                {0.040, 0, 0, 0},
                {0.060, 0, 0, 0}});
        assertMatrix(ntbs(y2027), new double[][] {
                {0, 0.05, 0.05, 0.012},
                {0.040, 0, 0, 0},
                {0.080, 0, 0, 0},
                {0.120, 0, 0, 0}});
        boolean[][] closed = new boolean[4][4];
        closed[CHN][USA] = true;
        assertThat(embargoes(y2027)).isDeepEqualTo(closed);
        assertThat(y2027.quotas()).containsExactly(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.8));
        assertThat(y2027.demandShift(FRA)).isCloseTo(Math.pow(1.09, 4), within(1e-12));
        assertThat(capacityShifts(y2027)).containsExactly(1, 1, 1, 1);   // the capacity shift is for 284690
        assertThat(policy.appliedEvents(2027)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(policy.warnings()).isEmpty();
    }

    @Test
    void theExampleScenarioOnAnAggregateWarnsAboutProductSpecificShifts() {
        ScenarioPolicy policy = new ScenarioPolicy(modelDocExample(), List.of(COMPOUNDS, MAGNETS));

        PolicyState y2027 = policy.stateFor(2027, COUNTRIES, benchmark());

        assertThat(policy.appliedEvents(2027)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(demandShifts(y2027)).containsExactly(1, 1, 1, 1);
        assertThat(capacityShifts(y2027)).containsExactly(1, 1, 1, 1);
        assertThat(policy.warnings()).hasSize(2);
        assertThat(policy.warnings().get(0)).contains("events[7] DEMAND_SHIFT");
        assertThat(policy.warnings().get(1)).contains("events[8] CAPACITY_SHIFT");
        assertThat(policy.warnings(2024)).hasSize(1);
    }

    // ---------------------------------------------------------------- errors

    /*
     * An invalid event cannot be built at all: each record enforces its bounds in its
     * constructor (the same rule the reader reports with a path), so ScenarioPolicy re-checks
     * nothing. The messages name the event type and the field.
     */
    @Test
    void invalidEventsAreRejectedNamingTheEvent() {
        assertThatThrownBy(() -> policy(new Tariff(null, set("CHN"), set("USA"), 0.1, RateMode.SET, null),
                new Liberalization(2026, 1.5, CountrySet.all(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LIBERALIZATION cut: must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> policy(new DemandShift(2024, CountrySet.all(), 1.1, 0.09, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DEMAND_SHIFT: needs exactly one of factor or annualGrowth, not both");
        assertThatThrownBy(() -> policy(new Tariff(null, set("CHN"), set("USA"), Double.NaN, RateMode.SET, null)))
                .hasMessage("TARIFF rate: must be a finite number, was NaN; allowed: 0 to 10 (0 % to 1000 %)");
    }

    @Test
    void eventsBuiltInCodeKeepTheReadersBounds() {
        assertThatThrownBy(() -> policy(new Tariff(null, set("CHN"), set("USA"), 1e308, RateMode.SET, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TARIFF rate: must be at most 10, was 1.0E308; allowed: 0 to 10 (0 % to 1000 %); a prohibitive"
                        + " barrier is written as an EMBARGO event");
        assertThatThrownBy(() -> policy(new Coalition(null, set("USA", "DEU"), true, 10.5, null)))
                .hasMessageContaining("COALITION externalTariff: must be at most 10, was 10.5; allowed: 0 to 10");
        assertThatThrownBy(() -> policy(new ExportQuota(null, "CHN", null, 1.5, null)))
                .hasMessage("EXPORT_QUOTA capShare: must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> policy(new DemandShift(2024, CountrySet.all(), null, 1e6, null)))
                .hasMessage("DEMAND_SHIFT annualGrowth: must be at most 1, was 1000000.0; allowed: -0.5 to 1 (-50 % to +100 % a"
                        + " year)");
        assertThatThrownBy(() -> policy(new CapacityShift(2024, set("USA"), 1e-4, null, null)))
                .hasMessage("CAPACITY_SHIFT factor: must be at least 0.001, was 1.0E-4; allowed: 0.001 to 1000; trade that"
                        + " stops altogether is written as an EMBARGO event");
        // the edges themselves are allowed
        assertThat(state(2025, new Tariff(null, set("CHN"), set("USA"), 10, RateMode.SET, null)).tariff(CHN, USA))
                .isEqualTo(10.0);
    }

    @Test
    void ratesAddedUpBeyondTheBoundFailTheYearNamingTheEventAndThePair() {
        ScenarioPolicy policy = policy(
                new Ntb(2024, set("CHN"), set("USA"), 5, RateMode.ADD, null),
                new Ntb(2026, set("CHN"), set("USA"), 5, RateMode.ADD, null));

        // 2024: 0.012 + 5; 2026: 0.012 + 5 + 5 is above 10
        assertThat(policy.stateFor(2025, COUNTRIES, benchmark()).ntb(CHN, USA)).isCloseTo(5.012, within(1e-12));
        assertThatThrownBy(() -> policy.stateFor(2026, COUNTRIES, benchmark()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events[1] NTB raises the NTB of USA on goods from CHN to 10.012 in 2026; a rate in force must"
                        + " lie in 0 to 10 (0 % to 1000 %), also when events with mode add accumulate; a prohibitive"
                        + " barrier is written as an EMBARGO event");
        // a SET event in between keeps the sum in range
        ScenarioPolicy reset = policy(
                new ExportTax(2024, set("CHN"), set("USA"), 6, RateMode.ADD, null),
                new ExportTax(2025, set("CHN"), set("USA"), 1, RateMode.SET, null),
                new ExportTax(2026, set("CHN"), set("USA"), 6, RateMode.ADD, null));
        assertThat(reset.stateFor(2026, COUNTRIES, benchmark()).exportTax(CHN, USA)).isEqualTo(7.0);
        // on top of the benchmark rates: 0.001 + 9.9985 (DEU) stays in range, 0.002 + 9.9985 (FRA) does not
        assertThatThrownBy(() -> state(2026, new Tariff(2024, set("CHN"), set("*"), 9.9985, RateMode.ADD, null)))
                .hasMessageStartingWith("events[0] TARIFF raises the import tariff of FRA on goods from CHN to 10.000");
    }

    @Test
    void shiftsMultipliedBeyondAMillionfoldFailTheYearNamingTheEventsAndTheCountry() {
        ScenarioPolicy policy = policy(
                new DemandShift(2024, set("USA"), 1000.0, null, null),
                new DemandShift(2025, set("USA", "DEU"), null, 1.0, null));

        // 2033: 1000 * 2^9 = 512 000; 2034: 1000 * 2^10 = 1 024 000
        assertThat(policy.stateFor(2033, COUNTRIES, benchmark()).demandShift(USA)).isEqualTo(512_000.0);
        assertThatThrownBy(() -> policy.stateFor(2034, COUNTRIES, benchmark()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the DEMAND_SHIFT events in force in 2034 (events[0], events[1]) multiply the demand of USA by"
                        + " 1024000.0, outside 1e-6 to 1e6, the most the shifts together may change it");
        ScenarioPolicy shrinking = policy(new CapacityShift(2024, set("CHN"), null, -0.5, null));
        assertThat(shrinking.stateFor(2042, COUNTRIES, benchmark()).capacityShift(CHN)).isEqualTo(Math.pow(0.5, 19));
        assertThatThrownBy(() -> shrinking.stateFor(2043, COUNTRIES, benchmark()))
                .hasMessageStartingWith("the CAPACITY_SHIFT events in force in 2043 (events[0]) multiply the capacity of CHN by 9.5");
    }

    @Test
    void theCountryListMustMatchTheBenchmarkState() {
        ScenarioPolicy policy = policy();

        assertThatThrownBy(() -> policy.stateFor(2025, List.of("CHN", "USA"), benchmark()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- helpers

    private static CountrySet set(String... tokens) {
        return CountrySet.of(tokens);
    }

    private static Scenario scenario(Map<String, List<String>> groups, PolicyEvent... events) {
        return new Scenario("test", 2023, 2030, List.of(COMPOUNDS, METALS, MAGNETS), Elasticities.DEFAULTS, groups,
                List.of(events));
    }

    private static ScenarioPolicy policy(PolicyEvent... events) {
        return new ScenarioPolicy(scenario(Map.of(), events), List.of(MAGNETS));
    }

    private static PolicyState state(int year, PolicyEvent... events) {
        return policy(events).stateFor(year, COUNTRIES, benchmark());
    }

    private static PolicyState benchmark() {
        PolicyState s = PolicyState.free(4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    s.setTariff(i, j, T0[i][j]);
                    s.setExportTax(i, j, X0[i][j]);
                    s.setNtb(i, j, N0[i][j]);
                }
            }
        }
        return s;
    }

    /** One instrument of a policy state, read as a matrix. */
    private interface Rate {
        double of(PolicyState s, int i, int j);
    }

    private static double[][] table(PolicyState s, Rate rate) {
        double[][] m = new double[s.size()][s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                m[i][j] = rate.of(s, i, j);
            }
        }
        return m;
    }

    private static double[][] tariffs(PolicyState s) {
        return table(s, PolicyState::tariff);
    }

    private static double[][] exportTaxes(PolicyState s) {
        return table(s, PolicyState::exportTax);
    }

    private static double[][] ntbs(PolicyState s) {
        return table(s, PolicyState::ntb);
    }

    private static boolean[][] embargoes(PolicyState s) {
        boolean[][] m = new boolean[s.size()][s.size()];
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                m[i][j] = s.embargoed(i, j);
            }
        }
        return m;
    }

    private static double[] demandShifts(PolicyState s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.demandShift(i);
        }
        return v;
    }

    private static double[] capacityShifts(PolicyState s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.capacityShift(i);
        }
        return v;
    }

    private static void assertMatrix(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[i][j]).as("[%s][%s]", COUNTRIES.get(i), COUNTRIES.get(j))
                        .isCloseTo(expected[i][j], within(1e-15));
            }
        }
    }

    private static double[][] copy(double[][] m) {
        return scale(m, 1);
    }

    private static double[][] scale(double[][] m, double f) {
        double[][] c = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                c[i][j] = m[i][j] * f;
            }
        }
        return c;
    }
}
