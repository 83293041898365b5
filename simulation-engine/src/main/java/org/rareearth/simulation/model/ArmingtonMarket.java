package org.rareearth.simulation.model;

import java.util.List;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * A calibrated Armington market for one product (MODEL.md 2): benchmark quantities, CES weights,
 * composite demand scales and export supply scales such that the benchmark policy reproduces the
 * benchmark flows exactly with every world price at 1. Immutable.
 */
public final class ArmingtonMarket {

    private final List<String> countries;
    private final double[][] q0;
    private final double[][] theta0;
    private final double[][] beta;
    /** MODEL.md 2: {@code A[j] = E0[j]}, the composite demand scale. */
    private final double[] a;
    /** MODEL.md 2: {@code K[i] = sum_j q0[i][j]}, the export supply scale. */
    private final double[] k;
    private final PolicyState benchmarkPolicy;
    private final MarketElasticities elasticities;

    private ArmingtonMarket(List<String> countries, double[][] q0, double[][] theta0, double[][] beta,
                            double[] a, double[] k, PolicyState benchmarkPolicy,
                            MarketElasticities elasticities) {
        this.countries = countries;
        this.q0 = q0;
        this.theta0 = theta0;
        this.beta = beta;
        this.a = a;
        this.k = k;
        this.benchmarkPolicy = benchmarkPolicy;
        this.elasticities = elasticities;
    }

    /**
     * Calibrates the market on benchmark values {@code V0} (the diagonal holds domestic shipments
     * {@code D0}, possibly 0) and the wedges in force in the benchmark (MODEL.md 2).
     *
     * @throws IllegalArgumentException when the sizes differ, an elasticity is out of range
     *                                  ({@code sigma <= 0}, {@code sigma == 1}, {@code eta >= 0},
     *                                  {@code eps < 0}, NaN), a value is negative, a traded pair is
     *                                  embargoed in the benchmark or the benchmark has a quota
     */
    public static ArmingtonMarket calibrate(TradeMatrix benchmark, PolicyState benchmarkPolicy,
                                            MarketElasticities elasticities) {
        if (benchmark == null || benchmarkPolicy == null || elasticities == null) {
            throw new IllegalArgumentException("benchmark matrix, benchmark policy and elasticities are required");
        }
        int n = benchmark.size();
        if (benchmarkPolicy.size() != n || elasticities.size() != n) {
            throw new IllegalArgumentException("sizes differ: benchmark matrix has " + n + " countries, benchmark policy "
                    + benchmarkPolicy.size() + ", elasticities " + elasticities.size());
        }
        for (int j = 0; j < n; j++) {
            double sigma = elasticities.sigma()[j];
            double eta = elasticities.eta()[j];
            double eps = elasticities.eps()[j];
            String c = benchmark.country(j);
            if (!(sigma > 0) || Double.isInfinite(sigma) || sigma == 1.0) {
                throw new IllegalArgumentException("sigma of " + c + " must be finite, > 0 and != 1, was " + sigma);
            }
            if (!(eta < 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta of " + c + " must be finite and < 0, was " + eta);
            }
            if (!(eps >= 0)) {
                throw new IllegalArgumentException("eps of " + c + " must be >= 0 (or +Infinity), was " + eps);
            }
        }
        if (!benchmarkPolicy.quotas().isEmpty()) {
            throw new IllegalArgumentException("the benchmark policy must not contain export quotas, found "
                    + benchmarkPolicy.quotas().size());
        }
        double[][] q0 = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = benchmark.value(i, j);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("benchmark value " + benchmark.country(i) + "->"
                            + benchmark.country(j) + " must be finite and >= 0, was " + v);
                }
                if (v > 0 && benchmarkPolicy.embargoed(i, j)) {
                    throw new IllegalArgumentException("inconsistent benchmark: " + benchmark.country(i) + "->"
                            + benchmark.country(j) + " is embargoed but trades " + v);
                }
                // MODEL.md 2: p0 = 1, so benchmark quantities equal values
                q0[i][j] = v;
            }
        }
        double[][] theta0 = new double[n][n];
        double[][] beta = new double[n][n];
        double[] a = new double[n];
        double[] k = new double[n];
        for (int j = 0; j < n; j++) {
            double sigma = elasticities.sigma()[j];
            // MODEL.md 2: benchmark expenditure E0[j] = sum_i P0[i][j] * q0[i][j], with P0 = tau0
            double e0 = 0;
            for (int i = 0; i < n; i++) {
                e0 += benchmarkPolicy.wedge(i, j) * q0[i][j];
            }
            // MODEL.md 2: composite demand scale A[j] = E0[j]
            a[j] = e0;
            if (e0 == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double p0 = benchmarkPolicy.wedge(i, j);
                // MODEL.md 2: expenditure share theta0 and CES weight beta = theta0 * P0^(sigma-1)
                theta0[i][j] = p0 * q0[i][j] / e0;
                beta[i][j] = theta0[i][j] * Math.pow(p0, sigma - 1);
            }
        }
        for (int i = 0; i < n; i++) {
            // MODEL.md 2: export supply scale K[i] = sum_j q0[i][j]
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += q0[i][j];
            }
            k[i] = sum;
        }
        return new ArmingtonMarket(benchmark.countries(), q0, theta0, beta, a, k, benchmarkPolicy.copy(), elasticities);
    }

    public int size() {
        return countries.size();
    }

    public List<String> countries() {
        return countries;
    }

    public String country(int i) {
        return countries.get(i);
    }

    /** The wedges in force in the benchmark (a copy: the caller may modify it). */
    public PolicyState benchmarkPolicy() {
        return benchmarkPolicy.copy();
    }

    public MarketElasticities elasticities() {
        return elasticities;
    }

    /** {@code q0[i][j]}: the benchmark quantity (= value, since benchmark world prices are 1). */
    public double benchmarkQuantity(int i, int j) {
        return q0[i][j];
    }

    /** {@code theta0[i][j]}: benchmark expenditure share of source {@code i} in market {@code j}. */
    public double benchmarkExpenditureShare(int i, int j) {
        return theta0[i][j];
    }

    /** {@code beta[i][j]}: CES weight of source {@code i} in market {@code j} (0 for pairs without benchmark trade). */
    public double cesWeight(int i, int j) {
        return beta[i][j];
    }

    /**
     * {@code A[j]} (MODEL.md 2): the composite demand scale, the benchmark expenditure of {@code j}
     * (before demand shifts).
     */
    public double demandScaleA(int j) {
        return a[j];
    }

    /**
     * {@code K[i]} (MODEL.md 2): the export supply scale, the benchmark sales of {@code i} incl.
     * domestic shipments (before capacity shifts).
     */
    public double supplyScaleK(int i) {
        return k[i];
    }

    /** {@code sigma[j]}. */
    public double sigma(int j) {
        return elasticities.sigma()[j];
    }

    /** {@code eta[j]}. */
    public double eta(int j) {
        return elasticities.eta()[j];
    }

    /** {@code eps[i]}. */
    public double eps(int i) {
        return elasticities.eps()[i];
    }

    @Override
    public String toString() {
        return "ArmingtonMarket" + countries;
    }
}
