package org.rareearth.simulation.solver;

import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

/**
 * The linear (Francois-Hall GSIM) approximation of MODEL.md 3 around the calibrated benchmark, with
 * demand and capacity shifts: for every exporter {@code i} with {@code K[i] > 0} and finite {@code eps[i]}
 *
 * <pre>
 *   qhat[i][j] = sum_m N[i][j][m][j] * (tauhat[m][j] + phat[m]) + Ahat[j]
 *   sum_j q0[i][j] * qhat[i][j] = K[i] * (eps[i] * phat[i] + Khat[i])
 * </pre>
 *
 * with {@code tauhat = tau1/tau0 - 1}, {@code Ahat = demandShift - 1}, {@code Khat = capacityShift - 1},
 * benchmark shares {@code theta0}. Reports {@code p = 1 + phat}, {@code q = q0 (1 + qhat)},
 * {@code PC = 1 + sum_m theta0[m][j] (tauhat[m][j] + phat[m])}, {@code QC = A (1 + Ahat + eta PChat)}.
 * Embargoes and export quotas are not representable linearly: the solver throws. The reported
 * {@code maxResidual} is that of the linear system (scaled by {@code K[i]}), {@code iterations} is 1.
 *
 * <p>References: J. F. Francois and H. K. Hall (2003), "Global simulation analysis of
 * industry-level trade policy", World Bank, GSIM documentation (the GSIM model and its linear
 * solution); its earlier version J. F. Francois and H. K. Hall (1997), "Partial equilibrium
 * modeling", in J. F. Francois and K. A. Reinert (eds.), <i>Applied Methods for Trade Policy
 * Analysis: A Handbook</i>, Cambridge University Press.
 */
public final class LinearGsimSolver {

    /**
     * @throws EquilibriumException     for an embargo on a traded pair, an export quota, or a singular system
     * @throws IllegalArgumentException when the policy does not fit the market
     */
    public Equilibrium solve(ArmingtonMarket market, PolicyState policy) {
        if (market == null || policy == null) {
            throw new IllegalArgumentException("market and policy are required");
        }
        int n = market.size();
        if (policy.size() != n) {
            throw new IllegalArgumentException("policy has " + policy.size() + " countries, market has " + n);
        }
        if (!policy.quotas().isEmpty()) {
            QuotaCap cap = policy.quotas().get(0);
            throw new EquilibriumException("the linear GSIM solver cannot represent export quotas (complementarity); "
                    + "found a quota of " + market.country(cap.exporter()) + ": use the non-linear EquilibriumSolver");
        }
        PolicyState benchmark = market.benchmarkPolicy();
        double[][] tauHat = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (market.benchmarkQuantity(i, j) > 0) {
                    if (policy.embargoed(i, j)) {
                        throw new EquilibriumException("the linear GSIM solver cannot represent the embargo on "
                                + market.country(i) + "->" + market.country(j) + ": use the non-linear EquilibriumSolver");
                    }
                    // MODEL.md 3 linear: tauhat = tau1/tau0 - 1
                    tauHat[i][j] = policy.wedge(i, j) / benchmark.wedge(i, j) - 1;
                }
            }
        }
        double[] aHat = new double[n];
        double[] kHat = new double[n];
        int[] var = new int[n];
        int unknowns = 0;
        for (int i = 0; i < n; i++) {
            aHat[i] = policy.demandShift(i) - 1;
            kHat[i] = policy.capacityShift(i) - 1;
            var[i] = market.supplyScaleK(i) > 0 && !Double.isInfinite(market.eps(i)) ? unknowns++ : -1;
        }
        // tariff-driven part of the composite price change: sum_m theta0[m][j] * tauhat[m][j]
        double[] pcHatFromWedges = new double[n];
        int[][] sources = new int[n][];
        for (int j = 0; j < n; j++) {
            int count = 0;
            for (int m = 0; m < n; m++) {
                if (market.benchmarkQuantity(m, j) > 0) {
                    count++;
                }
            }
            sources[j] = new int[count];
            count = 0;
            for (int m = 0; m < n; m++) {
                if (market.benchmarkQuantity(m, j) > 0) {
                    sources[j][count++] = m;
                    pcHatFromWedges[j] += market.benchmarkExpenditureShare(m, j) * tauHat[m][j];
                }
            }
        }
        double[][] matrix = new double[unknowns][unknowns];
        double[] rhs = new double[unknowns];
        for (int i = 0; i < n; i++) {
            int v = var[i];
            if (v >= 0) {
                // MODEL.md 3 linear supply: K[i] * (eps[i] * phat[i] + Khat[i])
                matrix[v][v] -= market.supplyScaleK(i) * market.eps(i);
                rhs[v] += market.supplyScaleK(i) * kHat[i];
            }
        }
        for (int j = 0; j < n; j++) {
            double sigma = market.sigma(j);
            double c = sigma + market.eta(j);
            for (int i : sources[j]) {
                int v = var[i];
                if (v < 0) {
                    continue;
                }
                double q0 = market.benchmarkQuantity(i, j);
                // MODEL.md 3 linear: N[i][j][m][j] = theta[m][j] (eta + sigma) - sigma delta(i,m)
                for (int m : sources[j]) {
                    int vm = var[m];
                    if (vm >= 0) {
                        matrix[v][vm] += q0 * c * market.benchmarkExpenditureShare(m, j);
                    }
                }
                matrix[v][v] -= q0 * sigma;
                rhs[v] -= q0 * (c * pcHatFromWedges[j] - sigma * tauHat[i][j] + aHat[j]);
            }
        }
        double[][] copy = new double[unknowns][];
        for (int v = 0; v < unknowns; v++) {
            copy[v] = matrix[v].clone();
        }
        LuDecomposition lu = LuDecomposition.factorInPlace(copy);
        if (lu.isSingular()) {
            throw new EquilibriumException("the linear GSIM system of " + market + " is singular: " + lu.singularity());
        }
        double[] x = lu.solve(rhs);
        double maxResidual = 0;
        int worst = -1;
        for (int i = 0; i < n; i++) {
            int v = var[i];
            if (v < 0) {
                continue;
            }
            double r = -rhs[v];
            for (int w = 0; w < unknowns; w++) {
                r += matrix[v][w] * x[w];
            }
            r = Math.abs(r) / market.supplyScaleK(i);
            if (!(r <= maxResidual)) {
                maxResidual = r;
                worst = i;
            }
        }
        if (!Double.isFinite(maxResidual) || maxResidual > 1e-8) {
            throw new EquilibriumException("the linear GSIM system of " + market + " was solved inaccurately: residual "
                    + maxResidual + " at " + (worst < 0 ? "?" : market.country(worst)), 1, maxResidual,
                    worst < 0 ? null : market.country(worst));
        }

        double[] pHat = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            pHat[i] = var[i] >= 0 ? x[var[i]] : 0.0;
            p[i] = 1 + pHat[i];
        }
        double[] pc = new double[n];
        double[] qc = new double[n];
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            if (sources[j].length == 0) {
                pc[j] = Double.NaN;
                continue;
            }
            double sigma = market.sigma(j);
            double c = sigma + market.eta(j);
            double pcHat = pcHatFromWedges[j];
            for (int m : sources[j]) {
                pcHat += market.benchmarkExpenditureShare(m, j) * pHat[m];
            }
            pc[j] = 1 + pcHat;
            qc[j] = market.demandScaleA(j) * (1 + aHat[j] + market.eta(j) * pcHat);
            for (int i : sources[j]) {
                // MODEL.md 3 linear: qhat = sum_m N (tauhat + phat) + Ahat
                double qHat = c * pcHat - sigma * (tauHat[i][j] + pHat[i]) + aHat[j];
                q[i][j] = market.benchmarkQuantity(i, j) * (1 + qHat);
            }
        }
        return new Equilibrium(p, pc, qc, q, new double[n], new boolean[n], 1, maxResidual, new double[n][n]);
    }
}
