package org.rareearth.cli;

import java.util.List;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.forecast.ForecastPath;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.policy.ElasticityChoice;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.LinearGsimSolver;
import org.rareearth.simulation.solver.SolverSettings;

/** One scenario solved on one market, from the base year to the last year asked for. */
record SimulationRun(BenchmarkMarket benchmark, Scenario scenario, SolverKind solver, ArmingtonMarket market,
                     ScenarioPolicy policy, List<YearOutcome> years) {

    static SimulationRun solve(BenchmarkMarket benchmark, Scenario scenario, int lastYear, SolverKind solver) {
        List<String> products = benchmark.products();
        double[] weights = products.stream().mapToDouble(p -> benchmark.productWeights().get(p)).toArray();
        MarketElasticities elasticities = ElasticityChoice.forProducts(scenario.elasticities(),
                benchmark.values().countries(), products, weights);
        ArmingtonMarket market = ArmingtonMarket.calibrate(benchmark.values(), benchmark.policy(), elasticities);
        ScenarioPolicy policy = new ScenarioPolicy(scenario, products);
        ForecastPath path = solver == SolverKind.LINEAR
                ? ForecastPath.linear(new LinearGsimSolver())
                : ForecastPath.newton(new EquilibriumSolver(SolverSettings.DEFAULTS));
        return new SimulationRun(benchmark, scenario, solver, market, policy,
                path.run(market, policy, benchmark.year(), lastYear));
    }

    YearOutcome last() {
        return years.get(years.size() - 1);
    }

    /** The simulated flows of one year at world prices (MODEL.md 12), as a matrix the network engine reads. */
    TradeMatrix flows(YearOutcome year) {
        Equilibrium eq = year.equilibrium();
        int n = market.size();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = eq.value(i, j);
            }
        }
        return new TradeMatrix(market.countries(), v);
    }
}
