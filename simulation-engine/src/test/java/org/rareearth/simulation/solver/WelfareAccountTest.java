package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;

class WelfareAccountTest {

    private static final int CHN = 1;
    private static final int USA = 3;

    private final EquilibriumSolver solver = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Test
    void theBenchmarkHasNoWelfareChangeEvenWithBenchmarkWedges() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();

        for (CountryWelfare w : WelfareAccount.of(m, policy, solver.solve(m, policy, null))) {
            assertThat(w.producerSurplus()).isCloseTo(0, within(1e-9));
            assertThat(w.consumerSurplus()).isCloseTo(0, within(1e-9));
            assertThat(w.tariffRevenue()).isCloseTo(0, within(1e-9));
            assertThat(w.exportTaxRevenue()).isCloseTo(0, within(1e-9));
            assertThat(w.quotaRent()).isZero();
            assertThat(w.net()).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void theTwoCountryHandCaseHasTheHandWelfare() {
        // EquilibriumSolverTest's symmetric case: K = A = 2, eps = 1, eta = -1, t = 1 both ways,
        // p = sqrt(5/6), PC = 4p/3, q_foreign = 1/(3p).
        //   dPS = K/(eps+1) (p^2 - 1) = 5/6 - 1 = -1/6
        //   dCS = -A ln PC = -2 ln(4p/3)                     (eta = -1)
        //   dTR = t (1+x) p q_foreign = 1/3                  (no benchmark tariff)
        ArmingtonMarket m = Markets.symmetricPair();
        PolicyState policy = Markets.mutualTariff(1.0);

        CountryWelfare[] w = WelfareAccount.of(m, policy, solver.solve(m, policy, null));

        double p = Math.sqrt(5.0 / 6.0);
        for (CountryWelfare c : w) {
            assertThat(c.producerSurplus()).isCloseTo(-1.0 / 6, within(1e-12));
            assertThat(c.consumerSurplus()).isCloseTo(-2 * Math.log(4 * p / 3), within(1e-12));
            assertThat(c.tariffRevenue()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(c.exportTaxRevenue()).isZero();
            assertThat(c.net()).isCloseTo(-1.0 / 6 - 2 * Math.log(4 * p / 3) + 1.0 / 3, within(1e-12));
        }
    }

    @Test
    void aTariffRaisesTheImportersRevenueAndHurtsTheTargetedExporter() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.setTariff(CHN, USA, 0.35);        // from 10%

        Equilibrium eq = solver.solve(m, policy, null);
        CountryWelfare[] w = WelfareAccount.of(m, policy, eq);

        assertThat(w[USA].tariffRevenue()).isPositive();
        assertThat(w[CHN].producerSurplus()).isNegative();
        assertThat(w[USA].consumerSurplus()).isNegative();      // USA's composite price rises
        // the revenue is t (1+x) p q minus the benchmark's t0 (1+x0) q0 (AUS, DEU pay no tariff in USA)
        double expected = 0.35 * eq.value(CHN, USA) - 0.10 * 60;
        assertThat(w[USA].tariffRevenue()).isCloseTo(expected, within(1e-9));
        assertThat(w[USA].net()).isCloseTo(w[USA].producerSurplus() + w[USA].consumerSurplus()
                + w[USA].tariffRevenue() + w[USA].exportTaxRevenue(), within(1e-12));
    }

    @Test
    void removingEveryTariffRaisesSummedWorldWelfare() {
        // without other distortions, free trade maximises world surplus in this partial equilibrium
        ArmingtonMarket shape = Markets.random(15, 0.4, true, 23);
        PolicyState tariffs = PolicyState.free(15);
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 15; j++) {
                if (i != j && shape.benchmarkQuantity(i, j) > 0) {
                    tariffs.setTariff(i, j, 0.05 + 0.02 * ((i * 7 + j * 3) % 10));
                }
            }
        }
        ArmingtonMarket m = ArmingtonMarket.calibrate(EquilibriumSolverTest.matrixOf(shape), tariffs, shape.elasticities());
        PolicyState free = PolicyState.free(15);

        Equilibrium eq = solver.solve(m, free, null);
        CountryWelfare[] w = WelfareAccount.of(m, free, eq);

        double world = 0;
        double revenue = 0;
        for (CountryWelfare c : w) {
            world += c.net();
            revenue += c.tariffRevenue();
        }
        assertThat(world).isPositive();
        assertThat(revenue).isNegative();       // every tariff revenue is lost
        Markets.assertClears(m, free, eq);
    }

    @Test
    void anExporterWhoseEveryMarketIsClosedLosesItsWholeSurplus() {
        // dPS = K/(eps+1) (0 - 1) = -K/(eps+1) = -8/3 for K = 5 + 3, eps = 2
        double[][] v = {{0, 5, 3}, {2, 20, 4}, {6, 1, 10}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.setEmbargoed(0, 1, true);
        policy.setEmbargoed(0, 2, true);

        CountryWelfare[] w = WelfareAccount.of(m, policy, solver.solve(m, policy, null));

        assertThat(w[0].producerSurplus()).isCloseTo(-8.0 / 3, within(1e-12));
    }

    @Test
    void anUnservedMarketTakesTheCesLimitOfConsumerSurplus() {
        // CCC buys only from AAA (V0 = 3) and BBB (V0 = 4): A = 7. Embargo both: PC -> infinity.
        // eta > -1: PC^(eta+1) -> inf, dCS = -inf;  eta = -1: -A ln(inf) = -inf;
        // eta < -1: PC^(eta+1) -> 0, dCS = -A/(eta+1) (0 - 1) = A/(eta+1) = 7/(-2+1) = -7.
        double[][] v = {{10, 5, 3}, {2, 20, 4}, {6, 1, 0}};
        for (double eta : new double[] {-0.5, -1.0, -2.0}) {
            ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                    MarketElasticities.uniform(3, 4, eta, 2));
            PolicyState policy = PolicyState.free(3);
            policy.setEmbargoed(0, 2, true);
            policy.setEmbargoed(1, 2, true);

            CountryWelfare[] w = WelfareAccount.of(m, policy, solver.solve(m, policy, null));

            if (eta < -1) {
                assertThat(w[2].consumerSurplus()).as("eta %s", eta).isCloseTo(-7.0, within(1e-12));
            } else {
                assertThat(w[2].consumerSurplus()).as("eta %s", eta).isEqualTo(Double.NEGATIVE_INFINITY);
            }
            assertThat(w[0].consumerSurplus()).isFinite();
        }
    }

    @Test
    void perfectlyElasticSupplyHasNoProducerSurplusChange() {
        double[][] v = {{10, 5}, {2, 20}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB"), v), PolicyState.free(2),
                MarketElasticities.uniform(2, 4, -0.5, Double.POSITIVE_INFINITY));
        PolicyState policy = PolicyState.free(2);
        policy.setTariff(0, 1, 0.5);

        CountryWelfare[] w = WelfareAccount.of(m, policy, solver.solve(m, policy, null));

        assertThat(w[0].producerSurplus()).isZero();
        assertThat(w[1].tariffRevenue()).isPositive();
    }

    @Test
    void surplusesUseTheShiftedScales() {
        // uniform capacity growth k with no wedges: p = k^(-1/(eps-eta)) (EquilibriumSolverTest), and
        // dPS[i] = k K[i]/(eps+1) (p^(eps+1) - 1), dCS[j] = -A[j]/(eta+1) (p^(eta+1) - 1) since PC = p
        ArmingtonMarket m = EquilibriumSolverTest.uniformRandom(5, -0.6, 2.0);
        PolicyState policy = PolicyState.free(5);
        for (int i = 0; i < 5; i++) {
            policy.shiftCapacity(i, 1.5);
        }

        CountryWelfare[] w = WelfareAccount.of(m, policy, solver.solve(m, policy, null));

        double p = Math.pow(1 / 1.5, 1 / 2.6);
        for (int i = 0; i < 5; i++) {
            assertThat(w[i].producerSurplus()).isCloseTo(1.5 * m.supplyScaleK(i) / 3 * (Math.pow(p, 3) - 1), within(1e-9));
            assertThat(w[i].consumerSurplus()).isCloseTo(-m.demandScaleA(i) / 0.4 * (Math.pow(p, 0.4) - 1), within(1e-9));
        }
    }
}
