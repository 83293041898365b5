package org.rareearth.simulation.solver;

import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;

/**
 * Welfare changes relative to the benchmark (MODEL.md 4), where {@code p = 1}, {@code PC = 1} and
 * revenues are the benchmark wedges at {@code q0}.
 *
 * <ul>
 *   <li>{@code dPS[i] = K[i]/(eps[i]+1) (p[i]^(eps[i]+1) - 1)} and
 *       {@code dCS[j] = -A[j]/(eta[j]+1) (PC[j]^(eta[j]+1) - 1)} ({@code -A ln PC} for {@code eta = -1}),
 *       with the policy's shifted {@code K} and {@code A}: the surplus changes are the price effects on
 *       this year's supply and demand schedules (the level of consumer surplus is not finite for
 *       {@code eta >= -1}, so a shift itself cannot be valued).</li>
 *   <li>{@code eps = +inf}: {@code p} stays at 1 and {@code dPS = 0} (the limit of {@code K/(eps+1)}).
 *       An exporter whose every market is closed has {@code p = 0}: {@code dPS = -K/(eps+1)}.</li>
 *   <li>An unserved market ({@code PC -> +inf}) takes the CES limit: {@code dCS = -Infinity} when
 *       {@code eta >= -1}, the finite {@code A/(eta+1)} when {@code eta < -1}. A market without
 *       benchmark demand ({@code A = 0}) has {@code dCS = 0}.</li>
 *   <li>A quota rent {@code r} on flow {@code i->j} is an export-tax equivalent: the export wedge is
 *       {@code (1+x)(1+r)}, so {@code TR[j] = sum_i t (1+x)(1+r) p q} and
 *       {@code XR[i] = sum_j (x + r (1+x)) p q}; {@code quotaRent[i] = sum_j r (1+x) p q} is part of
 *       {@code XR} and counted once in {@code net = dPS + dCS + dTR + dXR}.</li>
 *   <li>The diagonal (domestic shipments) carries no wedge and no revenue.</li>
 * </ul>
 */
public final class WelfareAccount {

    private WelfareAccount() {
    }

    public static CountryWelfare[] of(ArmingtonMarket market, PolicyState policy, Equilibrium eq) {
        if (market == null || policy == null || eq == null) {
            throw new IllegalArgumentException("market, policy and equilibrium are required");
        }
        int n = market.size();
        if (policy.size() != n || eq.worldPrices().length != n) {
            throw new IllegalArgumentException("market has " + n + " countries, policy " + policy.size()
                    + ", equilibrium " + eq.worldPrices().length);
        }
        PolicyState benchmark = market.benchmarkPolicy();
        double[][] rent = eq.quotaRentRateByFlow();
        double[] p = eq.worldPrices();
        double[][] q = eq.quantities();
        double[] tariffRevenue = new double[n];
        double[] exportRevenue = new double[n];
        double[] quotaRent = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double q0 = market.benchmarkQuantity(i, j);
                if (q0 > 0) {
                    // benchmark revenues (p0 = 1, q0), subtracted
                    tariffRevenue[j] -= benchmark.tariff(i, j) * (1 + benchmark.exportTax(i, j)) * q0;
                    exportRevenue[i] -= benchmark.exportTax(i, j) * q0;
                }
                double value = p[i] * q[i][j];
                if (value == 0) {
                    continue;
                }
                double x = policy.exportTax(i, j);
                double r = rent == null ? 0.0 : rent[i][j];
                // MODEL.md 4: TR[j] = sum_i t (1+x) p q, with the quota rent in the export wedge
                tariffRevenue[j] += policy.tariff(i, j) * (1 + x) * (1 + r) * value;
                // MODEL.md 4 + 12: XR[i] = sum_j x p q, plus the quota rent r (1+x) p q
                double flowRent = r * (1 + x) * value;
                exportRevenue[i] += x * value + flowRent;
                quotaRent[i] += flowRent;
            }
        }
        CountryWelfare[] out = new CountryWelfare[n];
        for (int i = 0; i < n; i++) {
            double ps = producerSurplus(market.supplyScaleK(i) * policy.capacityShift(i), market.eps(i), p[i]);
            double cs = consumerSurplus(market.demandScaleA(i) * policy.demandShift(i), market.eta(i),
                    eq.compositePrices()[i], eq.unserved()[i]);
            out[i] = new CountryWelfare(ps, cs, tariffRevenue[i], exportRevenue[i], quotaRent[i],
                    ps + cs + tariffRevenue[i] + exportRevenue[i]);
        }
        return out;
    }

    // MODEL.md 4: dPS = K/(eps+1) (p^(eps+1) - 1)
    static double producerSurplus(double k, double eps, double p) {
        if (k == 0 || Double.isInfinite(eps)) {
            return 0.0;
        }
        return k / (eps + 1) * (Math.pow(p, eps + 1) - 1);
    }

    // MODEL.md 4: dCS = -A/(eta+1) (PC^(eta+1) - 1), -A ln PC when eta = -1; unserved: the limit PC -> inf
    static double consumerSurplus(double a, double eta, double pc, boolean unserved) {
        if (a == 0) {
            return 0.0;
        }
        if (unserved) {
            return eta < -1 ? a / (eta + 1) : Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(pc)) {
            return 0.0;     // no benchmark demand
        }
        if (eta == -1) {
            return -a * Math.log(pc);
        }
        return -a / (eta + 1) * (Math.pow(pc, eta + 1) - 1);
    }
}
