package org.rareearth.simulation.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.LinearGsimSolver;
import org.rareearth.simulation.solver.WelfareAccount;

/**
 * A forecast path (MODEL.md 6): for every year from the base year {@code T0} to the horizon
 * {@code T1}, the policy state of that year (the events in force and the demand and capacity shifts
 * accumulated so far, see {@link ScenarioPolicy}) is solved, starting from the previous year's world
 * prices, and its welfare is accounted against the calibrated benchmark.
 *
 * <p>The base year is part of the path: it applies the events in force in {@code T0} and is solved
 * from the benchmark prices (all 1); with no event in force it reproduces the benchmark. A previous
 * price that cannot start a solve in logs (0 for an exporter whose markets were all closed, or not
 * finite) is replaced by 1 for the next year's start.
 *
 * <p>A solved year with a number that is not finite where the model defines it, or of a size
 * without meaning (see {@link ReportableSolution}), is not returned: the path fails with a
 * {@link ForecastException} naming the year and the first such number.
 */
public final class ForecastPath {

    /** Solves one year; {@code startPrices} are the previous year's world prices, {@code null} for all ones. */
    @FunctionalInterface
    public interface YearSolver {
        Equilibrium solve(ArmingtonMarket market, PolicyState policy, double[] startPrices) throws Exception;
    }

    private final YearSolver solver;

    public ForecastPath(YearSolver solver) {
        this.solver = Objects.requireNonNull(solver, "solver");
    }

    /** A path solved by the non-linear Newton solver. */
    public static ForecastPath newton(EquilibriumSolver solver) {
        Objects.requireNonNull(solver, "solver");
        return new ForecastPath(solver::solve);
    }

    /** A path solved by the linear GSIM approximation (it needs no start prices). */
    public static ForecastPath linear(LinearGsimSolver solver) {
        Objects.requireNonNull(solver, "solver");
        return new ForecastPath((market, policy, start) -> solver.solve(market, policy));
    }

    /**
     * The outcomes of the scenario's own years: its base year to its horizon (the base year alone
     * when the horizon is {@code null}).
     */
    public List<YearOutcome> run(ArmingtonMarket market, ScenarioPolicy policy) {
        int base = policy.scenario().baseYear();
        Integer horizon = policy.scenario().horizon();
        return run(market, policy, base, horizon == null ? base : horizon);
    }

    /**
     * The outcomes of years {@code baseYear..horizon}, in order.
     *
     * @throws ForecastException when a year cannot be solved, or its solution has a number that is
     *                           not finite or of a size without meaning (its message names the
     *                           year); the solver's exception, if any, is the cause
     */
    public List<YearOutcome> run(ArmingtonMarket market, ScenarioPolicy policy, int baseYear, int horizon) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(policy, "policy");
        if (horizon < baseYear) {
            throw new IllegalArgumentException("horizon " + horizon + " is before the base year " + baseYear);
        }
        List<String> countries = market.countries();
        PolicyState benchmark = market.benchmarkPolicy();
        List<YearOutcome> path = new ArrayList<>(horizon - baseYear + 1);
        double[] start = null;
        for (int year = baseYear; year <= horizon; year++) {
            PolicyState state = policy.stateFor(year, countries, benchmark);
            Equilibrium equilibrium;
            try {
                equilibrium = solver.solve(market, state.copy(), start);
            } catch (Exception e) {
                throw new ForecastException(year, "no equilibrium: " + e.getMessage(), e);
            }
            if (equilibrium == null) {
                throw new ForecastException(year, "the solver returned no equilibrium", null);
            }
            CountryWelfare[] welfare;
            try {
                welfare = WelfareAccount.of(market, state, equilibrium);
            } catch (RuntimeException e) {
                throw new ForecastException(year, "welfare accounting failed: " + e.getMessage(), e);
            }
            // never report a number without meaning (NaN, 1e200): the year fails instead
            Optional<String> unusable = ReportableSolution.problem(market, equilibrium, welfare);
            if (unusable.isPresent()) {
                throw new ForecastException(year, "the solution is not reported: " + unusable.get(), null);
            }
            path.add(new YearOutcome(year, state, equilibrium, welfare, policy.appliedEventLabels(year)));
            start = startFrom(equilibrium.worldPrices());
        }
        return path;
    }

    private static double[] startFrom(double[] prices) {
        double[] start = prices.clone();
        for (int i = 0; i < start.length; i++) {
            if (!(start[i] > 0) || Double.isInfinite(start[i])) {
                start[i] = 1.0;
            }
        }
        return start;
    }
}
