package org.rareearth.simulation.forecast;

import java.util.List;
import java.util.Objects;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.policy.ElasticityChoice;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.LinearGsimSolver;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * Solves one scenario on one base-year market, from the base year to a last year: the one wiring
 * of the engines that the command line and simulation-service share, so that both publish the same
 * numbers for the same inputs. In order:
 * <ol>
 *   <li>the elasticities of the market's countries from the scenario's defaults and overrides,
 *       averaged over an aggregate's products by their weights ({@link ElasticityChoice});</li>
 *   <li>the calibration on the base year's flows and tariffs (MODEL.md 2, {@link ArmingtonMarket});</li>
 *   <li>the scenario's events and shifts year by year ({@link ScenarioPolicy}, MODEL.md 5);</li>
 *   <li>the forecast path of equilibria and welfare ({@link ForecastPath}, MODEL.md 4 and 6) by the
 *       damped Newton solver or the linear GSIM approximation.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ScenarioForecaster {

    private final SolverKind solver;
    private final ForecastPath path;

    public ScenarioForecaster(SolverKind solver, SolverSettings settings) {
        this.solver = Objects.requireNonNull(solver, "solver");
        Objects.requireNonNull(settings, "settings");
        this.path = solver == SolverKind.LINEAR
                ? ForecastPath.linear(new LinearGsimSolver())
                : ForecastPath.newton(new EquilibriumSolver(settings));
    }

    /** The damped Newton solver with the default settings (MODEL.md 12). */
    public static ScenarioForecaster newton() {
        return new ScenarioForecaster(SolverKind.NONLINEAR, SolverSettings.DEFAULTS);
    }

    public SolverKind solver() {
        return solver;
    }

    /**
     * The outcomes of years {@code benchmark.year()..lastYear} under {@code scenario}.
     *
     * @throws IllegalArgumentException when the market has no foreign trade to calibrate on, an
     *                                  elasticity is out of range or {@code lastYear} is before the
     *                                  base year
     * @throws ForecastException        when a year has no reportable equilibrium (the message names it)
     */
    public ScenarioForecast forecast(BaseYearMarket benchmark, Scenario scenario, int lastYear) {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(scenario, "scenario");
        if (ElasticityChoice.tradeValue(benchmark.values()) <= 0) {
            throw new IllegalArgumentException("no foreign trade in " + benchmark.year() + " to calibrate on");
        }
        MarketElasticities elasticities = ElasticityChoice.forProducts(scenario.elasticities(),
                benchmark.values().countries(), benchmark.products(), benchmark.weights());
        ArmingtonMarket market = ArmingtonMarket.calibrate(benchmark.values(), benchmark.policy(), elasticities);
        ScenarioPolicy policy = new ScenarioPolicy(scenario, benchmark.products());
        List<YearOutcome> years = path.run(market, policy, benchmark.year(), lastYear);
        return new ScenarioForecast(benchmark, scenario, solver, market, policy, years);
    }

    /**
     * The reference a scenario is compared with (MODEL.md 6): the same path without its policy
     * events. Demand and capacity shifts are market developments, not policy, so they stay
     * (docs/model-choices.md).
     */
    public static Scenario baselineOf(Scenario scenario) {
        List<PolicyEvent> developments = scenario.events().stream()
                .filter(e -> e.kind().isMarketDevelopment())
                .toList();
        return new Scenario("baseline of " + scenario.name(), scenario.baseYear(), scenario.horizon(),
                scenario.products(), scenario.elasticities(), scenario.groups(), developments, scenario.datasetVersion());
    }
}
