package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;

/**
 * Test markets and an independent, deliberately naive re-implementation of MODEL.md 3 (dense loops,
 * {@code Math.pow}) used to check every solved equilibrium: given the reported world prices and
 * quota rents, it recomputes {@code PC}, {@code QC}, {@code q} and the market-clearing residual.
 */
final class Markets {

    static final List<String> FOUR = List.of("AUS", "CHN", "DEU", "USA");

    private Markets() {
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            names.add("" + (char) ('A' + k / 676) + (char) ('A' + (k / 26) % 26) + (char) ('A' + k % 26));
        }
        return names;
    }

    /**
     * The hand-solved case: two symmetric countries, domestic shipments 1 and exports 1 each, no
     * benchmark wedges, sigma = 2, eta = -1, eps = 1 (so theta0 = beta = 1/2, A = K = 2).
     */
    static ArmingtonMarket symmetricPair() {
        return ArmingtonMarket.calibrate(new TradeMatrix(List.of("AAA", "BBB"), new double[][] {{1, 1}, {1, 1}}),
                PolicyState.free(2), MarketElasticities.uniform(2, 2, -1, 1));
    }

    /** Both countries of {@link #symmetricPair()} levy the import tariff {@code t} on each other. */
    static PolicyState mutualTariff(double t) {
        PolicyState policy = PolicyState.free(2);
        policy.setTariff(0, 1, t);
        policy.setTariff(1, 0, t);
        return policy;
    }

    /**
     * Four countries with domestic shipments, one zero foreign pair (AUS->DEU), benchmark tariffs,
     * export taxes and an NTB, and varied elasticities (one sigma below 1, one eps of 0).
     */
    static ArmingtonMarket four() {
        double[][] v = {
                {30, 50, 0, 20},
                {10, 200, 40, 60},
                {5, 15, 120, 25},
                {8, 12, 18, 150}};
        PolicyState benchmark = PolicyState.free(4);
        benchmark.setTariff(1, 3, 0.10);
        benchmark.setTariff(0, 1, 0.05);
        benchmark.setExportTax(1, 2, 0.15);
        benchmark.setNtb(2, 3, 0.04);
        MarketElasticities e = new MarketElasticities(new double[] {4, 3, 0.7, 5}, new double[] {-0.5, -1.0, -1.5, -0.8},
                new double[] {2, 0, 1.5, 3});
        return ArmingtonMarket.calibrate(new TradeMatrix(FOUR, v), benchmark, e);
    }

    /** A random market: {@code n} countries, foreign pairs trading with probability {@code density}. */
    static ArmingtonMarket random(int n, double density, boolean domestic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[n][n];
        PolicyState benchmark = PolicyState.free(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    v[i][j] = domestic && random.nextDouble() < 0.7 ? 100 * random.nextDouble() : 0;
                } else if (random.nextDouble() < density || j == (i + 1) % n) {
                    v[i][j] = Math.exp(3 * random.nextDouble());
                    if (random.nextDouble() < 0.3) {
                        benchmark.setTariff(i, j, 0.2 * random.nextDouble());
                    }
                    if (random.nextDouble() < 0.1) {
                        benchmark.setExportTax(i, j, 0.1 * random.nextDouble());
                    }
                }
            }
        }
        double[] sigma = new double[n];
        double[] eta = new double[n];
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = 1.5 + 6 * random.nextDouble();
            eta[i] = -0.2 - 1.5 * random.nextDouble();
            eps[i] = 0.5 + 4 * random.nextDouble();
        }
        return ArmingtonMarket.calibrate(new TradeMatrix(names(n), v), benchmark, new MarketElasticities(sigma, eta, eps));
    }

    /** Quantities from prices by MODEL.md 3, written independently of the solver. */
    static double[][] demand(ArmingtonMarket m, PolicyState policy, double[] p, double[][] rent) {
        int n = m.size();
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = m.sigma(j);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (open(m, policy, i, j)) {
                    double price = policy.wedge(i, j) * (1 + rent[i][j]) * p[i];
                    sum += m.cesWeight(i, j) * Math.pow(price, 1 - s);
                }
            }
            if (sum == 0) {
                continue;
            }
            double pc = Math.pow(sum, 1 / (1 - s));
            double qc = m.demandScaleA(j) * policy.demandShift(j) * Math.pow(pc, m.eta(j));
            for (int i = 0; i < n; i++) {
                if (open(m, policy, i, j)) {
                    double price = policy.wedge(i, j) * (1 + rent[i][j]) * p[i];
                    q[i][j] = m.cesWeight(i, j) * Math.pow(pc / price, s) * qc;
                }
            }
        }
        return q;
    }

    static boolean open(ArmingtonMarket m, PolicyState policy, int i, int j) {
        return m.benchmarkQuantity(i, j) > 0 && !policy.embargoed(i, j);
    }

    /**
     * Asserts that {@code eq} is an equilibrium of {@code policy}: its quantities are the demands at
     * its prices and every exporter with an equation sells its supply {@code K p^eps} (residual
     * relative to supply below 1e-9).
     */
    static void assertClears(ArmingtonMarket m, PolicyState policy, Equilibrium eq) {
        int n = m.size();
        assertThat(eq.maxResidual()).isLessThan(1e-9);
        double[][] q = demand(m, policy, eq.worldPrices(), eq.quotaRentRateByFlow());
        for (int i = 0; i < n; i++) {
            double sold = 0;
            for (int j = 0; j < n; j++) {
                assertThat(eq.quantities()[i][j]).as("q[%s][%s]", m.country(i), m.country(j))
                        .isCloseTo(q[i][j], org.assertj.core.api.Assertions.within(1e-9 * (1 + q[i][j])));
                sold += q[i][j];
            }
            double k = m.supplyScaleK(i) * policy.capacityShift(i);
            if (k > 0 && sold > 0 && !Double.isInfinite(m.eps(i))) {
                double supply = k * Math.pow(eq.worldPrices()[i], m.eps(i));
                assertThat(Math.abs(sold - supply) / supply).as("market clearing of %s", m.country(i)).isLessThan(1e-9);
            }
        }
    }
}
