package org.rareearth.simulation.solver;

import java.util.Arrays;
import java.util.Locale;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;

/**
 * The non-linear Armington equilibrium (MODEL.md 3): damped Newton in log world prices with an
 * analytic Jacobian and a dense LU solve.
 *
 * <p>Conventions (MODEL.md 12): pairs without benchmark trade stay at zero; an embargoed pair drops out
 * of the composite price; a market that loses every source is unserved ({@code PC = NaN},
 * {@code QC = 0}); an exporter whose every market is closed reports {@code p = 0}; a country with
 * perfectly elastic supply ({@code eps = +inf}) or without exports ({@code K = 0}) keeps {@code p = 1}
 * and has no equation. Demand and capacity shifts of the policy scale {@code A[j]} and {@code K[i]}.
 *
 * <p>Export quotas are solved as a complementarity problem by an active set: solve with the rents of
 * the active quotas as extra unknowns {@code y = ln(1+r)} and their caps as extra equations
 * {@code ln(sum q) = ln(cap)} (analytic Jacobian entries as for prices); then drop every active quota
 * whose rent came out negative, or, if none, add the inactive quotas whose cap is exceeded; repeat
 * until the set settles. Each quota's rent multiplies the export wedge of the flows it covers by
 * {@code 1 + r} (caps of one exporter on overlapping flows compound). The cap is {@code capShare}
 * times the benchmark foreign quantity (or the one flow's). Two caps on the same flows (same exporter
 * and importer) are merged into the tighter one; caps implied by others of the same exporter are
 * dropped; an all-foreign cap is never active together with per-flow caps on all of its flows (its
 * rent would be undetermined); a zero cap closes its flows like an embargo. A binding cap on an
 * exporter with {@code eps = 0} and every open flow capped has no equilibrium: that is reported.
 *
 * <p>Thread-safe: all work arrays belong to one call.
 *
 * <p>The model is the Armington partial equilibrium of the GSIM framework solved exactly, not
 * linearised (for that, {@link LinearGsimSolver}).
 * <p>References: J. F. Francois and H. K. Hall (2003), "Global simulation analysis of
 * industry-level trade policy", World Bank, GSIM documentation (the GSIM model and its linear
 * solution); its earlier version J. F. Francois and H. K. Hall (1997), "Partial equilibrium
 * modeling", in J. F. Francois and K. A. Reinert (eds.), <i>Applied Methods for Trade Policy
 * Analysis: A Handbook</i>, Cambridge University Press.
 */
public final class EquilibriumSolver {

    /** Armijo constant of the backtracking line search on ||F||. */
    private static final double ARMIJO = 1e-4;

    private final SolverSettings settings;

    public EquilibriumSolver(SolverSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("solver settings are required");
        }
        this.settings = settings;
    }

    public SolverSettings settings() {
        return settings;
    }

    /**
     * Solves the market under {@code policy} from {@code startPrices} (world prices, {@code null} =
     * all ones; non-positive or non-finite entries count as 1).
     *
     * @throws EquilibriumException     when Newton does not converge (iteration limit, line-search step
     *                                  below {@code minStep}, singular Jacobian) or the quota active set
     *                                  does not settle; never returns an unconverged answer
     * @throws IllegalArgumentException when the policy does not fit the market
     */
    public Equilibrium solve(ArmingtonMarket market, PolicyState policy, double[] startPrices) {
        MarketSystem system = new MarketSystem(market, policy);
        int n = system.n;
        double[] logPrices = new double[n];
        if (startPrices != null) {
            if (startPrices.length != n) {
                throw new IllegalArgumentException("start prices have " + startPrices.length + " entries, market has " + n);
            }
            for (int i = 0; i < n; i++) {
                double p = startPrices[i];
                logPrices[i] = p > 0 && !Double.isInfinite(p) ? Math.log(p) : 0.0;
            }
        }
        int quotaCount = system.quotas.length;
        boolean[] active = new boolean[quotaCount];
        double[] rentLogs = new double[quotaCount];
        int iterations = 0;
        int maxRounds = 4 * quotaCount + 2;
        for (int round = 0; round < maxRounds; round++) {
            system.activate(active);
            int stuck = system.inelasticExporterFullyCapped();
            if (stuck >= 0) {
                throw new EquilibriumException("no equilibrium for " + market + ": the export quota on "
                        + market.country(stuck) + " binds, but its supply is perfectly inelastic (eps = 0) and every "
                        + "market it can still sell in is capped, so its sales cannot fall to the cap ("
                        + iterations + " Newton iterations so far)", iterations, Double.NaN, market.country(stuck));
            }
            double[] x = new double[system.unknowns];
            system.pack(logPrices, rentLogs, x);
            NewtonOutcome outcome = newton(system, x, iterations);
            iterations += outcome.iterations;
            system.unpack(x, logPrices, rentLogs);
            if (quotaCount == 0) {
                return system.toEquilibrium(iterations, outcome.maxResidual);
            }
            // MODEL.md 3 export quotas: complementarity r >= 0, cap - sales >= 0, r * (cap - sales) = 0
            boolean changed = false;
            for (int c = 0; c < quotaCount; c++) {
                if (active[c] && rentLogs[c] < 0) {
                    active[c] = false;
                    rentLogs[c] = 0;
                    changed = true;
                }
            }
            if (!changed) {
                changed = addExceededCaps(system, active, rentLogs);
            }
            if (!changed) {
                return system.toEquilibrium(iterations, outcome.maxResidual);
            }
        }
        throw new EquilibriumException("export quota rents did not settle after " + maxRounds
                + " active-set rounds (" + iterations + " Newton iterations)", iterations, Double.NaN, null);
    }

    /**
     * Activates the exceeded caps, most exceeded first, skipping one whose rent would be linearly
     * dependent on active ones (an all-foreign cap with every flow also under a per-flow cap). If
     * every exceeded cap is skipped so, the most exceeded one replaces the dependent active cap with
     * the lowest rent. Returns whether the active set changed.
     */
    private boolean addExceededCaps(MarketSystem system, boolean[] active, double[] rentLogs) {
        int quotaCount = active.length;
        Integer[] order = new Integer[quotaCount];
        for (int c = 0; c < quotaCount; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(system.quotaExcess(b), system.quotaExcess(a)));
        int skipped = -1;
        boolean changed = false;
        for (int c : order) {
            if (active[c] || !(system.quotaExcess(c) > settings.tolerance())) {
                continue;
            }
            active[c] = true;
            if (system.dependent(active)) {
                active[c] = false;
                skipped = skipped < 0 ? c : skipped;
            } else {
                rentLogs[c] = 0;
                changed = true;
            }
        }
        if (!changed && skipped >= 0) {
            int exporter = system.quotas[skipped].exporter;
            int drop = -1;
            for (int c = 0; c < quotaCount; c++) {
                if (active[c] && system.quotas[c].exporter == exporter && (drop < 0 || rentLogs[c] < rentLogs[drop])) {
                    drop = c;
                }
            }
            active[drop] = false;
            rentLogs[drop] = 0;
            active[skipped] = true;
            rentLogs[skipped] = 0;
            changed = true;
        }
        return changed;
    }

    /**
     * {@code F(z)} of MODEL.md 3 at log world prices {@code logPrices} (one per country), with every
     * quota rent at 0. Entries of countries without an equation are 0 and their log price is ignored.
     */
    public double[] residual(ArmingtonMarket market, PolicyState policy, double[] logPrices) {
        MarketSystem system = systemAt(market, policy, logPrices);
        double[] x = new double[system.unknowns];
        system.pack(logPrices, new double[system.quotas.length], x);
        double[] f = new double[system.unknowns];
        system.evaluate(x, f);
        double[] full = new double[system.n];
        for (int i = 0; i < system.n; i++) {
            int v = system.exporterVar[i];
            if (v >= 0) {
                full[i] = f[v];
            }
        }
        return full;
    }

    /**
     * The analytic Jacobian {@code dF[i]/dz[m]} of MODEL.md 3 at {@code logPrices}, with every quota
     * rent at 0. Rows and columns of countries without an equation are 0.
     */
    public double[][] jacobian(ArmingtonMarket market, PolicyState policy, double[] logPrices) {
        MarketSystem system = systemAt(market, policy, logPrices);
        double[] x = new double[system.unknowns];
        system.pack(logPrices, new double[system.quotas.length], x);
        system.evaluate(x, new double[system.unknowns]);
        double[][] jac = new double[system.unknowns][system.unknowns];
        system.jacobian(jac);
        double[][] full = new double[system.n][system.n];
        for (int i = 0; i < system.n; i++) {
            int vi = system.exporterVar[i];
            if (vi < 0) {
                continue;
            }
            for (int m = 0; m < system.n; m++) {
                int vm = system.exporterVar[m];
                if (vm >= 0) {
                    full[i][m] = jac[vi][vm];
                }
            }
        }
        return full;
    }

    private static MarketSystem systemAt(ArmingtonMarket market, PolicyState policy, double[] logPrices) {
        MarketSystem system = new MarketSystem(market, policy);
        if (logPrices == null || logPrices.length != system.n) {
            throw new IllegalArgumentException("need one log price per country (" + system.n + ")");
        }
        return system;
    }

    private record NewtonOutcome(int iterations, double maxResidual) {
    }

    /**
     * Damped Newton on the system's current active set, from {@code x} (updated in place).
     * MODEL.md 3: backtracking on ||F||, stop at max|F| < tolerance.
     */
    private NewtonOutcome newton(MarketSystem system, double[] x, int iterationsBefore) {
        int m = system.unknowns;
        double[] f = new double[m];
        double[] trialF = new double[m];
        double[] trialX = new double[m];
        double[] step = new double[m];
        double[][] jac = new double[m][m];
        double norm = system.evaluate(x, f);
        if (!Double.isFinite(norm)) {
            throw failure(system, "the start point gives a non-finite residual", iterationsBefore, f);
        }
        int iterations = 0;
        while (true) {
            double maxAbs = maxAbs(f);
            if (maxAbs < settings.tolerance()) {
                return new NewtonOutcome(iterations, maxAbs);
            }
            if (iterations >= settings.maxIterations()) {
                throw failure(system, "Newton did not converge within the iteration limit of "
                        + settings.maxIterations(), iterationsBefore + iterations, f);
            }
            system.jacobian(jac);
            LuDecomposition lu = LuDecomposition.factorInPlace(jac);
            if (lu.isSingular()) {
                throw failure(system, "the Jacobian is singular (" + lu.singularity() + ")",
                        iterationsBefore + iterations, f);
            }
            lu.solve(f, step);
            double t = 1.0;
            double trialNorm;
            while (true) {
                for (int v = 0; v < m; v++) {
                    trialX[v] = x[v] - t * step[v];
                }
                trialNorm = system.evaluate(trialX, trialF);
                if (trialNorm <= (1 - ARMIJO * t) * norm) {     // false for NaN
                    break;
                }
                t *= 0.5;
                if (t < settings.minStep()) {
                    system.evaluate(x, f);                       // leave the system at the best point
                    throw failure(system, "the line-search step fell below " + settings.minStep(),
                            iterationsBefore + iterations, f);
                }
            }
            System.arraycopy(trialX, 0, x, 0, m);
            double[] swap = f;
            f = trialF;
            trialF = swap;
            norm = trialNorm;
            iterations++;
        }
    }

    private static double maxAbs(double[] f) {
        double max = 0;
        for (double v : f) {
            double a = Math.abs(v);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            max = Math.max(max, a);
        }
        return max;
    }

    private static EquilibriumException failure(MarketSystem system, String what, int iterations, double[] f) {
        int worst = -1;
        double max = -1;
        for (int v = 0; v < f.length; v++) {
            double a = Math.abs(f[v]);
            if (worst < 0 || a > max || Double.isNaN(a)) {
                worst = v;
                max = a;
            }
        }
        String where = worst < 0 ? "" : " at " + system.nameOfUnknown(worst);
        String country = worst < 0 ? null : system.market.country(system.countryOfUnknown(worst));
        String message = String.format(Locale.ROOT, "no equilibrium for %s: %s; after %d iteration(s) max|F| = %.3e%s",
                system.market, what, iterations, max < 0 ? 0.0 : max, where);
        return new EquilibriumException(message, iterations, max, country);
    }
}
