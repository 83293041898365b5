package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;

class EquilibriumSolverTest {

    private final EquilibriumSolver solver = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Test
    void theBenchmarkPolicyReproducesTheBenchmarkWithDomesticShipmentsAndWedges() {
        // MODEL.md 2: calibration makes p = 1, q = q0 an equilibrium of the benchmark policy
        ArmingtonMarket m = Markets.four();

        Equilibrium eq = solver.solve(m, m.benchmarkPolicy(), null);

        assertAtBenchmark(m, eq);
        assertThat(eq.iterations()).isZero();
        Markets.assertClears(m, m.benchmarkPolicy(), eq);
    }

    @Test
    void newtonReturnsToTheBenchmarkFromAFarStart() {
        ArmingtonMarket m = Markets.random(12, 0.4, true, 7);

        Equilibrium eq = solver.solve(m, m.benchmarkPolicy(), new double[] {3, 0.2, 1, 1, 5, 0.5, 1, 2, 1, 1, 0.1, 1});

        assertAtBenchmark(m, eq);
        assertThat(eq.iterations()).isPositive();
        Markets.assertClears(m, m.benchmarkPolicy(), eq);
    }

    @Test
    void twoSymmetricCountriesRaisingA100PercentTariffMatchTheHandSolution() {
        // Two countries, D0 = 1 at home and F0 = 1 to the other, no benchmark wedges;
        // sigma = 2, eta = -1, eps = 1. Calibration: theta0 = beta = 1/2, A = K = 2.
        // Both set t = 1 (tau = 2). By symmetry p1 = p2 = p:
        //   PC = (1/2 p^-1 + 1/2 (2p)^-1)^-1 = 4p/3,   QC = A / PC = 3/(2p)
        //   q_home = 1/2 (PC/p)^2 QC = 4/(3p),          q_foreign = 1/2 (PC/(2p))^2 QC = 1/(3p)
        //   supply K p = 2p = 4/(3p) + 1/(3p) = 5/(3p)  =>  p = sqrt(5/6)
        ArmingtonMarket m = Markets.symmetricPair();
        PolicyState policy = Markets.mutualTariff(1.0);

        Equilibrium eq = solver.solve(m, policy, null);

        double p = Math.sqrt(5.0 / 6.0);
        for (int i = 0; i < 2; i++) {
            assertThat(eq.worldPrices()[i]).isCloseTo(p, within(1e-12));
            assertThat(eq.compositePrices()[i]).isCloseTo(4 * p / 3, within(1e-12));
            assertThat(eq.compositeDemand()[i]).isCloseTo(1.5 / p, within(1e-12));
            assertThat(eq.quantities()[i][i]).isCloseTo(4 / (3 * p), within(1e-12));
            assertThat(eq.quantities()[i][1 - i]).isCloseTo(1 / (3 * p), within(1e-12));
        }
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void anExporterFacingATariffLosesPriceAndTheOtherGains() {
        // Two countries, no domestic shipments: AAA sells only to BBB and BBB only to AAA.
        // sigma = 3, eta = -1, eps = 1, V0 = 1 each way. Each market has one source, so
        // PC[j] = P of that source and q = A PC^eta = 1/P (the CES weight is 1).
        // Tariff t on AAA -> BBB: q = 1/((1+t) p1) = K p1 = p1  =>  p1 = (1+t)^(-1/2); p2 stays 1.
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB"), new double[][] {{0, 1}, {1, 0}}),
                PolicyState.free(2), MarketElasticities.uniform(2, 3, -1, 1));
        PolicyState policy = PolicyState.free(2);
        policy.setTariff(0, 1, 0.44);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.worldPrices()[0]).isCloseTo(1 / 1.2, within(1e-12));
        assertThat(eq.worldPrices()[1]).isCloseTo(1.0, within(1e-12));
        assertThat(eq.quantities()[0][1]).isCloseTo(1 / 1.2, within(1e-12));
        assertThat(eq.compositePrices()[1]).isCloseTo(1.44 / 1.2, within(1e-12));
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void perfectlyElasticSupplyKeepsPricesAtOneAndQuantitiesFollowTheCesFormulas() {
        // eps = +inf everywhere: no equation, p = 1, so P = tau and the demand side is closed form:
        // PC[j] = (sum_i beta tau^(1-sigma))^(1/(1-sigma)),  q = beta (PC/tau)^sigma A PC^eta
        double[][] v = {{10, 5, 3}, {2, 20, 4}, {6, 1, 30}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.7, Double.POSITIVE_INFINITY));
        PolicyState policy = PolicyState.free(3);
        policy.setTariff(0, 1, 0.3);
        policy.setExportTax(2, 0, 0.1);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.worldPrices()).containsExactly(1.0, 1.0, 1.0);
        assertThat(eq.iterations()).isZero();
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += m.cesWeight(i, j) * Math.pow(policy.wedge(i, j), 1 - 4);
            }
            double pc = Math.pow(sum, 1.0 / (1 - 4));
            double qc = m.demandScaleA(j) * Math.pow(pc, -0.7);
            assertThat(eq.compositePrices()[j]).isCloseTo(pc, within(1e-12));
            assertThat(eq.compositeDemand()[j]).isCloseTo(qc, within(1e-9 * qc));
            for (int i = 0; i < 3; i++) {
                double q = m.cesWeight(i, j) * Math.pow(pc / policy.wedge(i, j), 4) * qc;
                assertThat(eq.quantities()[i][j]).isCloseTo(q, within(1e-9 * q));
            }
        }
        // the tariff on AAA -> BBB cuts that flow
        assertThat(eq.quantities()[0][1]).isLessThan(5);
    }

    @Test
    void aPerfectlyElasticExporterKeepsPriceOneWhileOthersAdjust() {
        ArmingtonMarket base = Markets.four();
        double[] eps = base.elasticities().eps().clone();
        eps[1] = Double.POSITIVE_INFINITY;
        ArmingtonMarket m = ArmingtonMarket.calibrate(matrixOf(base), base.benchmarkPolicy(),
                new MarketElasticities(base.elasticities().sigma(), base.elasticities().eta(), eps));
        PolicyState policy = m.benchmarkPolicy();
        policy.setTariff(1, 3, 0.6);
        policy.setTariff(2, 1, 0.2);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.worldPrices()[1]).isEqualTo(1.0);
        assertThat(eq.worldPrices()[2]).isNotCloseTo(1.0, within(1e-4));
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void demandGrowthEverywhereRaisesEveryPriceByTheClosedForm() {
        // No wedges, uniform eta and eps, all A scaled by g: p[i] = p for all i is an equilibrium with
        // PC = p, q = q0 g p^eta and supply K p^eps, so p^(eps - eta) = g.
        ArmingtonMarket m = uniformRandom(6, -0.6, 2.0);
        PolicyState policy = PolicyState.free(6);
        for (int j = 0; j < 6; j++) {
            policy.shiftDemand(j, 1.3);
        }

        Equilibrium eq = solver.solve(m, policy, null);

        double p = Math.pow(1.3, 1 / (2.0 + 0.6));
        for (int i = 0; i < 6; i++) {
            assertThat(eq.worldPrices()[i]).isCloseTo(p, within(1e-12));
        }
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void capacityGrowthEverywhereLowersEveryPriceByTheClosedForm() {
        // As above with K scaled by k: p^(eps - eta) = 1/k.
        ArmingtonMarket m = uniformRandom(6, -0.6, 2.0);
        PolicyState policy = PolicyState.free(6);
        for (int i = 0; i < 6; i++) {
            policy.shiftCapacity(i, 1.5);
        }

        Equilibrium eq = solver.solve(m, policy, null);

        double p = Math.pow(1 / 1.5, 1 / (2.0 + 0.6));
        for (int i = 0; i < 6; i++) {
            assertThat(eq.worldPrices()[i]).isCloseTo(p, within(1e-12));
        }
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void theAnalyticJacobianMatchesCentralFiniteDifferences() {
        ArmingtonMarket m = Markets.random(9, 0.5, true, 42);
        PolicyState policy = m.benchmarkPolicy();
        policy.setTariff(0, 1, 0.3);
        policy.setEmbargoed(2, 3, true);
        SplittableRandom random = new SplittableRandom(3);
        double[] z = new double[9];
        for (int i = 0; i < 9; i++) {
            z[i] = 0.6 * (random.nextDouble() - 0.5);
        }

        double[][] jac = solver.jacobian(m, policy, z);

        double h = 1e-6;
        for (int c = 0; c < 9; c++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[c] += h;
            minus[c] -= h;
            double[] fp = solver.residual(m, policy, plus);
            double[] fm = solver.residual(m, policy, minus);
            for (int r = 0; r < 9; r++) {
                double fd = (fp[r] - fm[r]) / (2 * h);
                assertThat(jac[r][c]).as("dF[%d]/dz[%d]", r, c).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
            }
        }
        // the Jacobian is not trivially diagonal: cross effects are present
        assertThat(Math.abs(jac[0][1]) + Math.abs(jac[1][0])).isGreaterThan(1e-3);
    }

    @Test
    void theResidualIsZeroAtTheBenchmarkAndMovesWithPrices() {
        ArmingtonMarket m = Markets.four();
        double[] f0 = solver.residual(m, m.benchmarkPolicy(), new double[4]);
        for (double f : f0) {
            assertThat(f).isCloseTo(0.0, within(1e-14));
        }
        // raising one's own price lowers its sales and raises its supply: F[0] falls
        double[] f1 = solver.residual(m, m.benchmarkPolicy(), new double[] {0.1, 0, 0, 0});
        assertThat(f1[0]).isLessThan(-0.1);
    }

    @Test
    void anEmbargoRemovesTheFlowAndTheMarketStillClears() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.setEmbargoed(1, 3, true);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.quantities()[1][3]).isZero();
        assertThat(eq.value(1, 3)).isZero();
        // CHN pushes its sales elsewhere at a lower price; USA pays more for its composite
        assertThat(eq.worldPrices()[1]).isLessThan(1.0);
        assertThat(eq.compositePrices()[3]).isGreaterThan(1.0);
        assertThat(eq.quantities()[1][1]).isGreaterThan(m.benchmarkQuantity(1, 1));
        assertThat(eq.unserved()).containsOnly(false);
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void pairsWithoutBenchmarkTradeStayAtZero() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.setTariff(1, 0, 2.0);      // makes AUS want other sources, yet AUS->DEU (0) cannot appear
        policy.setExportTax(1, 2, 1.0);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.quantities()[0][2]).isZero();
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void aMarketWhoseEverySourceIsEmbargoedIsUnserved() {
        // CCC has no domestic shipments and buys only from AAA and BBB: embargo both.
        double[][] v = {{10, 5, 3}, {2, 20, 4}, {6, 1, 0}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.setEmbargoed(0, 2, true);
        policy.setEmbargoed(1, 2, true);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.unserved()).containsExactly(false, false, true);
        assertThat(eq.compositePrices()[2]).isNaN();
        assertThat(eq.compositeDemand()[2]).isZero();
        assertThat(eq.quantities()[0][2]).isZero();
        assertThat(eq.quantities()[1][2]).isZero();
        assertThat(eq.worldPrices()[2]).isGreaterThan(0).isFinite();   // CCC still exports to AAA and BBB
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void anExporterWhoseEveryMarketIsClosedReportsPriceZero() {
        // AAA has no domestic shipments and sells to BBB and CCC only: embargo both.
        double[][] v = {{0, 5, 3}, {2, 20, 4}, {6, 1, 10}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.setEmbargoed(0, 1, true);
        policy.setEmbargoed(0, 2, true);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.worldPrices()[0]).isZero();
        assertThat(eq.quantities()[0]).containsOnly(0.0);
        assertThat(eq.worldPrices()[1]).isGreaterThan(1.0);   // the others replace AAA's supply
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void aCountryWithoutExportsKeepsPriceOne() {
        double[][] v = {{0, 5, 3}, {2, 0, 4}, {0, 0, 0}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.setTariff(0, 2, 0.5);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.worldPrices()[2]).isEqualTo(1.0);
        assertThat(eq.worldPrices()[0]).isLessThan(1.0);
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void aCountryWithoutAnyTradeHasNoCompositePriceAndIsNotUnserved() {
        // CCC neither buys nor sells in the benchmark: A = K = 0, PC undefined (NaN), QC = 0, p = 1
        double[][] v = {{1, 5, 0}, {2, 3, 0}, {0, 0, 0}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.setTariff(0, 1, 0.2);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.compositePrices()[2]).isNaN();
        assertThat(eq.compositeDemand()[2]).isZero();
        assertThat(eq.unserved()[2]).isFalse();
        assertThat(eq.worldPrices()[2]).isEqualTo(1.0);
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void oneIterationOnABigShockFailsWithAClearMessage() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.setTariff(1, 3, 5.0);
        policy.setExportTax(1, 2, 3.0);
        EquilibriumSolver oneStep = new EquilibriumSolver(new SolverSettings(1e-10, 1, 1e-12));

        assertThatThrownBy(() -> oneStep.solve(m, policy, null))
                .isInstanceOf(EquilibriumException.class)
                .hasMessageContaining("did not converge")
                .hasMessageContaining("iteration limit of 1")
                .hasMessageContaining("after 1 iteration")
                .hasMessageContaining("max|F|")
                .satisfies(e -> {
                    EquilibriumException ee = (EquilibriumException) e;
                    assertThat(ee.iterations()).isEqualTo(1);
                    assertThat(ee.maxResidual()).isGreaterThan(1e-10);
                    assertThat(Markets.FOUR).contains(ee.worstCountry());
                    assertThat(e.getMessage()).contains(" at " + ee.worstCountry());
                });
        // the default settings solve the same shock
        Markets.assertClears(m, policy, solver.solve(m, policy, null));
    }

    @Test
    void aPolicyOrStartThatDoesNotFitTheMarketIsRejected() {
        ArmingtonMarket m = Markets.four();

        assertThatThrownBy(() -> solver.solve(m, PolicyState.free(3), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 countries");
        assertThatThrownBy(() -> solver.solve(m, m.benchmarkPolicy(), new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start prices");
        PolicyState domestic = m.benchmarkPolicy();
        domestic.setEmbargoed(1, 1, true);
        assertThatThrownBy(() -> solver.solve(m, domestic, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domestic");
    }

    @Test
    void aLargeSparseMarketSolvesAndClears() {
        // 250 countries, ~30% of foreign pairs trading (the performance target of the service)
        ArmingtonMarket m = Markets.random(250, 0.3, true, 11);
        PolicyState policy = m.benchmarkPolicy();
        for (int j = 0; j < 250; j += 3) {
            policy.setTariff(0, j, 0.25);
            policy.setTariff(j, 1, 0.4);
        }
        policy.setEmbargoed(2, 3, true);

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.iterations()).isBetween(1, 20);
        Markets.assertClears(m, policy, eq);
    }

    static void assertAtBenchmark(ArmingtonMarket m, Equilibrium eq) {
        for (int i = 0; i < m.size(); i++) {
            assertThat(eq.worldPrices()[i]).isCloseTo(1.0, within(1e-9));
            for (int j = 0; j < m.size(); j++) {
                double q0 = m.benchmarkQuantity(i, j);
                assertThat(eq.quantities()[i][j]).as("q[%d][%d]", i, j).isCloseTo(q0, within(1e-9 * q0));
            }
            if (m.demandScaleA(i) > 0) {
                assertThat(eq.compositePrices()[i]).isCloseTo(1.0, within(1e-9));
                assertThat(eq.compositeDemand()[i]).isCloseTo(m.demandScaleA(i), within(1e-9 * m.demandScaleA(i)));
            }
        }
        assertThat(eq.quotaRentRate()).containsOnly(0.0);
        assertThat(eq.unserved()).containsOnly(false);
    }

    static TradeMatrix matrixOf(ArmingtonMarket m) {
        double[][] v = new double[m.size()][m.size()];
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.size(); j++) {
                v[i][j] = m.benchmarkQuantity(i, j);
            }
        }
        return new TradeMatrix(m.countries(), v);
    }

    /** A random trade pattern without wedges and with uniform eta, eps (sigma varies). */
    static ArmingtonMarket uniformRandom(int n, double eta, double eps) {
        ArmingtonMarket r = Markets.random(n, 0.5, true, 5);
        double[] etas = new double[n];
        double[] epss = new double[n];
        java.util.Arrays.fill(etas, eta);
        java.util.Arrays.fill(epss, eps);
        return ArmingtonMarket.calibrate(matrixOf(r), PolicyState.free(n),
                new MarketElasticities(r.elasticities().sigma(), etas, epss));
    }
}
