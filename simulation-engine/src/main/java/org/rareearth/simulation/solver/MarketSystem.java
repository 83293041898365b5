package org.rareearth.simulation.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

/**
 * The non-linear equation system of one market under one policy (MODEL.md 3), in the unknowns
 * {@code x = [z[i] = ln p[i] for every exporter with an equation, y[c] = ln(1 + r[c]) for every
 * active export quota c]}.
 *
 * <p>Flows that can trade (benchmark trade, not embargoed, not under a zero cap) are stored column by
 * column (market by market) in flat arrays, so one residual evaluation is O(number of flows) with one
 * {@code exp} per flow, and one Jacobian is O(sum over markets of sources^2). Work arrays are
 * allocated once per system, never inside the evaluation loops. Not thread-safe: one system per
 * solve.
 */
final class MarketSystem {

    /** One export quota with cap {@code cap} on the flows {@code entries} of {@code exporter}. */
    static final class Quota {
        final int exporter;
        final int importer;
        final double cap;
        final double lnCap;
        final int[] entries;
        /** The entry of this quota in market j, or -1. */
        final int[] entryInMarket;

        Quota(int exporter, int importer, double cap, int[] entries, int[] entryInMarket) {
            this.exporter = exporter;
            this.importer = importer;
            this.cap = cap;
            this.lnCap = Math.log(cap);
            this.entries = entries;
            this.entryInMarket = entryInMarket;
        }
    }

    final ArmingtonMarket market;
    final int n;

    // per country (scaled by the policy's demand and capacity shifts)
    final double[] sigma;
    final double[] eta;
    final double[] eps;
    final double[] demand;      // A[j] * demandShift[j]
    final double[] capacity;    // K[i] * capacityShift[i]
    final boolean[] served;     // market j has at least one source
    final boolean[] unserved;   // market j had benchmark demand and lost every source
    final boolean[] closed;     // exporter i has K > 0 and every market closed
    final int[] exporterVar;    // index of z[i] in x, or -1 (no equation)
    final int exporterUnknowns;

    // flows, market by market: entries colStart[j] .. colStart[j+1]-1
    final int[] colStart;
    final int[] src;
    final int[] mkt;
    final double[] beta;
    final double[] lnTau;
    final double[] tau;
    final int[][] entryOf;      // entryOf[i][j] = entry index or -1
    final int nnz;

    final Quota[] quotas;
    final int[] quotaVar;       // index of y[c] in x, or -1 when the quota is inactive
    int unknowns;

    // state of the last evaluation
    final double[] z;           // ln p, every country (0 when fixed at p = 1)
    final double[] price;       // p
    final double[] rentLog;     // per entry: sum of y[c] of the active quotas covering it
    final double[] lnP;         // per entry: ln P[i][j]
    final double[] share;       // per entry: s[i][j], expenditure share in the market
    final double[] q;           // per entry: q[i][j]
    final double[] lnPC;        // per market
    final double[] qc;          // per market
    final double[] sales;       // per exporter: sum_j q[i][j]
    final double[] quotaSales;  // per quota: sum of q over its flows
    int[] varOfEntry;           // exporterVar[src[k]]

    MarketSystem(ArmingtonMarket market, PolicyState policy) {
        if (market == null || policy == null) {
            throw new IllegalArgumentException("market and policy are required");
        }
        this.market = market;
        this.n = market.size();
        if (policy.size() != n) {
            throw new IllegalArgumentException("policy has " + policy.size() + " countries, market has " + n);
        }
        sigma = new double[n];
        eta = new double[n];
        eps = new double[n];
        demand = new double[n];
        capacity = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = market.sigma(i);
            eta[i] = market.eta(i);
            eps[i] = market.eps(i);
            demand[i] = market.demandScaleA(i) * policy.demandShift(i);
            capacity[i] = market.supplyScaleK(i) * policy.capacityShift(i);
        }

        // which flows trade: benchmark trade, not embargoed (MODEL.md 3), not under a zero cap
        boolean[][] open = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (market.benchmarkQuantity(i, j) > 0) {
                    if (policy.embargoed(i, j)) {
                        if (i == j) {
                            throw new IllegalArgumentException("domestic shipments of " + market.country(i)
                                    + " cannot be embargoed (MODEL.md 12: events apply to foreign pairs only)");
                        }
                    } else {
                        open[i][j] = true;
                    }
                }
            }
        }
        Map<Long, double[]> caps = mergeQuotas(market, policy);
        for (Map.Entry<Long, double[]> e : caps.entrySet()) {
            double[] c = e.getValue();
            int exporter = (int) c[0];
            int importer = (int) c[1];
            if (c[2] == 0) {
                // a zero cap closes the flows it covers, like an embargo (nothing is sold, no rent)
                for (int j = 0; j < n; j++) {
                    if (j != exporter && (importer == QuotaCap.ALL_FOREIGN || importer == j)) {
                        open[exporter][j] = false;
                    }
                }
            }
        }

        colStart = new int[n + 1];
        int count = 0;
        for (int j = 0; j < n; j++) {
            colStart[j] = count;
            for (int i = 0; i < n; i++) {
                if (open[i][j]) {
                    count++;
                }
            }
        }
        colStart[n] = count;
        nnz = count;
        src = new int[nnz];
        mkt = new int[nnz];
        beta = new double[nnz];
        lnTau = new double[nnz];
        tau = new double[nnz];
        entryOf = new int[n][n];
        for (int[] row : entryOf) {
            Arrays.fill(row, -1);
        }
        int[] flowsOf = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (open[i][j]) {
                    src[k] = i;
                    mkt[k] = j;
                    beta[k] = market.cesWeight(i, j);
                    tau[k] = policy.wedge(i, j);
                    lnTau[k] = Math.log(tau[k]);
                    entryOf[i][j] = k;
                    flowsOf[i]++;
                    k++;
                }
            }
        }

        served = new boolean[n];
        unserved = new boolean[n];
        closed = new boolean[n];
        exporterVar = new int[n];
        int vars = 0;
        for (int i = 0; i < n; i++) {
            served[i] = colStart[i + 1] > colStart[i];
            unserved[i] = !served[i] && market.demandScaleA(i) > 0;
            closed[i] = capacity[i] > 0 && flowsOf[i] == 0;
            // MODEL.md 3 / 12: an equation for every exporter with K > 0, an open market and finite eps
            boolean hasEquation = capacity[i] > 0 && flowsOf[i] > 0 && !Double.isInfinite(eps[i]);
            exporterVar[i] = hasEquation ? vars++ : -1;
        }
        exporterUnknowns = vars;

        List<Quota> list = new ArrayList<>();
        for (double[] c : caps.values()) {
            int exporter = (int) c[0];
            int importer = (int) c[1];
            double cap = c[2];
            if (cap == 0) {
                continue;
            }
            int[] inMarket = new int[n];
            Arrays.fill(inMarket, -1);
            List<Integer> entries = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int e = entryOf[exporter][j];
                if (e >= 0 && j != exporter && (importer == QuotaCap.ALL_FOREIGN || importer == j)) {
                    entries.add(e);
                    inMarket[j] = e;
                }
            }
            if (!entries.isEmpty()) {
                list.add(new Quota(exporter, importer, cap, entries.stream().mapToInt(Integer::intValue).toArray(), inMarket));
            }
        }
        quotas = withoutRedundantCaps(list).toArray(new Quota[0]);
        quotaVar = new int[quotas.length];

        z = new double[n];
        price = new double[n];
        rentLog = new double[nnz];
        lnP = new double[nnz];
        share = new double[nnz];
        q = new double[nnz];
        lnPC = new double[n];
        qc = new double[n];
        sales = new double[n];
        quotaSales = new double[quotas.length];
        varOfEntry = new int[nnz];
        for (int e = 0; e < nnz; e++) {
            varOfEntry[e] = exporterVar[src[e]];
        }
        activate(new boolean[quotas.length]);
    }

    /**
     * Quotas by (exporter, importer), the tightest cap kept when the same cap is given twice:
     * value = {exporter, importer, cap in benchmark quantity units}.
     */
    private static Map<Long, double[]> mergeQuotas(ArmingtonMarket market, PolicyState policy) {
        int n = market.size();
        Map<Long, double[]> caps = new LinkedHashMap<>();
        for (QuotaCap cap : policy.quotas()) {
            int e = cap.exporter();
            int m = cap.importer();
            if (e < 0 || e >= n || (m != QuotaCap.ALL_FOREIGN && (m < 0 || m >= n || m == e))) {
                throw new IllegalArgumentException("export quota " + cap + " does not name a foreign flow of this "
                        + n + "-country market");
            }
            // MODEL.md 12: the cap is a share of benchmark foreign quantity (or of the one flow's)
            double base = 0;
            if (m == QuotaCap.ALL_FOREIGN) {
                for (int j = 0; j < n; j++) {
                    if (j != e) {
                        base += market.benchmarkQuantity(e, j);
                    }
                }
            } else {
                base = market.benchmarkQuantity(e, m);
            }
            double value = cap.capShare() * base;
            long key = (long) e * (n + 1) + (m + 1);
            double[] old = caps.get(key);
            if (old == null || value < old[2]) {
                caps.put(key, new double[] {e, m, value});
            }
        }
        return caps;
    }

    /**
     * Drops caps implied by others of the same exporter, so that binding caps stay independent:
     * a per-flow cap not below the exporter's all-foreign cap is implied by it; an all-foreign cap
     * not below the sum of per-flow caps that cover every one of its flows is implied by them.
     */
    private static List<Quota> withoutRedundantCaps(List<Quota> list) {
        List<Quota> kept = new ArrayList<>(list);
        for (Quota all : list) {
            if (all.importer != QuotaCap.ALL_FOREIGN) {
                continue;
            }
            kept.removeIf(q -> q.exporter == all.exporter && q.importer != QuotaCap.ALL_FOREIGN && q.cap >= all.cap);
            double sum = 0;
            int covered = 0;
            for (Quota q : kept) {
                if (q.exporter == all.exporter && q.importer != QuotaCap.ALL_FOREIGN) {
                    sum += q.cap;
                    covered++;
                }
            }
            if (covered == all.entries.length && all.cap >= sum) {
                kept.remove(all);
            }
        }
        return kept;
    }

    /**
     * True when an active all-foreign cap has every one of its flows under active per-flow caps too:
     * the rent unknowns are then linearly dependent (the Jacobian is singular).
     */
    boolean dependent(boolean[] active) {
        for (int a = 0; a < quotas.length; a++) {
            if (!active[a] || quotas[a].importer != QuotaCap.ALL_FOREIGN) {
                continue;
            }
            int covered = 0;
            for (int c = 0; c < quotas.length; c++) {
                if (active[c] && c != a && quotas[c].exporter == quotas[a].exporter) {
                    covered++;
                }
            }
            if (covered == quotas[a].entries.length) {
                return true;
            }
        }
        return false;
    }

    /** Sets which quotas carry a rent unknown, and numbers the unknowns. */
    void activate(boolean[] active) {
        int v = exporterUnknowns;
        for (int c = 0; c < quotas.length; c++) {
            quotaVar[c] = active[c] ? v++ : -1;
        }
        unknowns = v;
    }

    boolean isActive(int c) {
        return quotaVar[c] >= 0;
    }

    /** Fills the unknowns from full log prices (length n) and quota log-rents (one per quota). */
    void pack(double[] logPrices, double[] rentLogs, double[] x) {
        for (int i = 0; i < n; i++) {
            if (exporterVar[i] >= 0) {
                x[exporterVar[i]] = logPrices[i];
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            if (quotaVar[c] >= 0) {
                x[quotaVar[c]] = rentLogs[c];
            }
        }
    }

    void unpack(double[] x, double[] logPrices, double[] rentLogs) {
        for (int i = 0; i < n; i++) {
            if (exporterVar[i] >= 0) {
                logPrices[i] = x[exporterVar[i]];
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            rentLogs[c] = quotaVar[c] >= 0 ? x[quotaVar[c]] : 0;
        }
    }

    /**
     * Evaluates the model at {@code x} and writes the residuals {@code F} into {@code f}.
     *
     * @return the Euclidean norm of {@code F} (infinite or NaN when the point is not usable)
     */
    double evaluate(double[] x, double[] f) {
        for (int i = 0; i < n; i++) {
            int v = exporterVar[i];
            z[i] = v >= 0 ? x[v] : 0.0;        // MODEL.md 12: no equation -> p = 1
            price[i] = Math.exp(z[i]);
            sales[i] = 0;
        }
        for (Quota quota : quotas) {
            for (int e : quota.entries) {
                rentLog[e] = 0;
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            if (quotaVar[c] >= 0) {
                double y = x[quotaVar[c]];
                for (int e : quotas[c].entries) {
                    rentLog[e] += y;            // MODEL.md 12: the rent multiplies the export wedge by (1+r)
                }
            }
        }
        for (int j = 0; j < n; j++) {
            int start = colStart[j];
            int end = colStart[j + 1];
            if (start == end) {
                lnPC[j] = Double.NaN;
                qc[j] = 0;
                continue;
            }
            double oneMinusSigma = 1 - sigma[j];
            double top = Double.NEGATIVE_INFINITY;
            for (int k = start; k < end; k++) {
                // MODEL.md 3: internal price P = tau * p (the quota rent is part of tau)
                double lp = lnTau[k] + rentLog[k] + z[src[k]];
                lnP[k] = lp;
                top = Math.max(top, oneMinusSigma * lp);
            }
            double sum = 0;
            for (int k = start; k < end; k++) {
                double term = beta[k] * Math.exp(oneMinusSigma * lnP[k] - top);
                share[k] = term;
                sum += term;
            }
            // MODEL.md 3: CES composite price PC = (sum_i beta * P^(1-sigma))^(1/(1-sigma))
            double lpc = (top + Math.log(sum)) / oneMinusSigma;
            lnPC[j] = lpc;
            // MODEL.md 3: composite demand QC = A * PC^eta
            double lqc = Math.log(demand[j]) + eta[j] * lpc;
            qc[j] = Math.exp(lqc);
            double lnSpending = lpc + lqc;
            for (int k = start; k < end; k++) {
                double s = share[k] / sum;
                share[k] = s;
                // MODEL.md 3: bilateral demand q = beta (PC/P)^sigma QC, i.e. share * PC*QC / P
                double qk = s * Math.exp(lnSpending - lnP[k]);
                q[k] = qk;
                sales[src[k]] += qk;
            }
        }
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            int v = exporterVar[i];
            if (v >= 0) {
                // MODEL.md 3: F[i] = ln(sum_j q[i][j]) - ln K[i] - eps[i] z[i]
                double r = Math.log(sales[i]) - Math.log(capacity[i]) - eps[i] * z[i];
                f[v] = r;
                norm2 += r * r;
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            double s = 0;
            for (int e : quotas[c].entries) {
                s += q[e];
            }
            quotaSales[c] = s;
            int v = quotaVar[c];
            if (v >= 0) {
                // MODEL.md 3 export quota: the binding cap holds with equality, ln(sum q) - ln(cap) = 0
                double r = Math.log(s) - quotas[c].lnCap;
                f[v] = r;
                norm2 += r * r;
            }
        }
        return Math.sqrt(norm2);
    }

    /**
     * The analytic Jacobian {@code dF/dx} at the point of the last {@link #evaluate}. With
     * {@code u[m][j] = ln P[m][j]}: {@code d ln q[i][j] / d u[m][j] = (sigma+eta) s[m][j] - sigma delta(i,m)};
     * {@code z[m]} moves every {@code u[m][*]}, {@code y[c]} the {@code u} of the flows under quota c.
     */
    void jacobian(double[][] jac) {
        for (int r = 0; r < unknowns; r++) {
            Arrays.fill(jac[r], 0, unknowns, 0.0);
        }
        // MODEL.md 3: dF[i]/dz[m] = sum_j w[i][j] ((sigma+eta) s[m][j] - sigma delta(i,m)) - eps[i] delta(i,m)
        for (int j = 0; j < n; j++) {
            int start = colStart[j];
            int end = colStart[j + 1];
            double sigmaJ = sigma[j];
            double c = sigmaJ + eta[j];
            for (int k1 = start; k1 < end; k1++) {
                int ri = varOfEntry[k1];
                if (ri < 0) {
                    continue;
                }
                double w = q[k1] / sales[src[k1]];
                double a = c * w;
                double[] row = jac[ri];
                for (int k2 = start; k2 < end; k2++) {
                    int cm = varOfEntry[k2];
                    if (cm >= 0) {
                        row[cm] += a * share[k2];
                    }
                }
                row[ri] -= sigmaJ * w;
            }
        }
        for (int i = 0; i < n; i++) {
            int v = exporterVar[i];
            if (v >= 0) {
                jac[v][v] -= eps[i];
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            int rc = quotaVar[c];
            if (rc < 0) {
                continue;
            }
            Quota quota = quotas[c];
            int ve = exporterVar[quota.exporter];
            double[] row = jac[rc];
            for (int k : quota.entries) {
                int j = mkt[k];
                double sigmaJ = sigma[j];
                double cj = sigmaJ + eta[j];
                double wq = q[k] / quotaSales[c];
                double se = share[k];
                // row of the cap, column z[m]: sum over the quota's flows of wq ((sigma+eta) s[m][j] - sigma delta(e,m))
                for (int k2 = colStart[j]; k2 < colStart[j + 1]; k2++) {
                    int cm = varOfEntry[k2];
                    if (cm >= 0) {
                        row[cm] += cj * wq * share[k2];
                    }
                }
                if (ve >= 0) {
                    row[ve] -= sigmaJ * wq;
                }
                // column of y[c]: it moves u[e][j] for this flow only
                for (int k2 = colStart[j]; k2 < colStart[j + 1]; k2++) {
                    int ri = varOfEntry[k2];
                    if (ri >= 0) {
                        jac[ri][rc] += cj * (q[k2] / sales[src[k2]]) * se;
                    }
                }
                if (ve >= 0) {
                    jac[ve][rc] -= sigmaJ * q[k] / sales[quota.exporter];
                }
                for (int c2 = 0; c2 < quotas.length; c2++) {
                    int r2 = quotaVar[c2];
                    if (r2 < 0) {
                        continue;
                    }
                    int k2 = quotas[c2].entryInMarket[j];
                    if (k2 >= 0) {
                        double d = cj * se - (k2 == k ? sigmaJ : 0.0);
                        jac[r2][rc] += q[k2] / quotaSales[c2] * d;
                    }
                }
            }
        }
    }

    /**
     * An exporter with perfectly inelastic supply ({@code eps = 0}) whose every open flow is under an
     * active cap, or -1. Its equation fixes its sales at {@code K} while the binding caps fix them
     * below {@code K}: no equilibrium exists.
     */
    int inelasticExporterFullyCapped() {
        for (int c = 0; c < quotas.length; c++) {
            int e = quotas[c].exporter;
            if (quotaVar[c] < 0 || eps[e] != 0 || exporterVar[e] < 0) {
                continue;
            }
            boolean allCapped = true;
            for (int j = 0; j < n && allCapped; j++) {
                int k = entryOf[e][j];
                if (k < 0) {
                    continue;
                }
                boolean capped = false;
                for (int c2 = 0; c2 < quotas.length && !capped; c2++) {
                    capped = quotaVar[c2] >= 0 && quotas[c2].exporter == e && quotas[c2].entryInMarket[j] == k;
                }
                allCapped = capped;
            }
            if (allCapped) {
                return e;
            }
        }
        return -1;
    }

    /** {@code ln(Q_c / cap_c)}: positive when quota c's flows exceed their cap. */
    double quotaExcess(int c) {
        return Math.log(quotaSales[c]) - quotas[c].lnCap;
    }

    /** Index of the country whose price (or export quota) is unknown {@code v}. */
    int countryOfUnknown(int v) {
        for (int i = 0; i < n; i++) {
            if (exporterVar[i] == v) {
                return i;
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            if (quotaVar[c] == v) {
                return quotas[c].exporter;
            }
        }
        throw new IllegalArgumentException("no unknown " + v);
    }

    /** Name of the country (or quota) behind unknown {@code v}. */
    String nameOfUnknown(int v) {
        for (int i = 0; i < n; i++) {
            if (exporterVar[i] == v) {
                return market.country(i);
            }
        }
        for (int c = 0; c < quotas.length; c++) {
            if (quotaVar[c] == v) {
                Quota quota = quotas[c];
                return market.country(quota.exporter) + " (export quota"
                        + (quota.importer == QuotaCap.ALL_FOREIGN ? "" : " to " + market.country(quota.importer)) + ")";
            }
        }
        return "?";
    }

    /** The equilibrium at the point of the last {@link #evaluate}. */
    Equilibrium toEquilibrium(int iterations, double maxResidual) {
        double[] p = new double[n];
        double[] pc = new double[n];
        double[] qcOut = new double[n];
        double[][] quantities = new double[n][n];
        double[][] rentByFlow = new double[n][n];
        double[] rent = new double[n];
        for (int i = 0; i < n; i++) {
            // MODEL.md 12: closed exporter p = 0; no equation (no exports, eps = inf) p = 1
            p[i] = closed[i] ? 0.0 : price[i];
            pc[i] = served[i] ? Math.exp(lnPC[i]) : Double.NaN;
            qcOut[i] = served[i] ? qc[i] : 0.0;
        }
        for (int k = 0; k < nnz; k++) {
            quantities[src[k]][mkt[k]] = q[k];
            if (rentLog[k] != 0) {
                double r = Math.expm1(rentLog[k]);
                rentByFlow[src[k]][mkt[k]] = r;
                rent[src[k]] = Math.max(rent[src[k]], r);
            }
        }
        return new Equilibrium(p, pc, qcOut, quantities, rent, unserved.clone(), iterations, maxResidual,
                rentByFlow);
    }
}
