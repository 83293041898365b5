package org.rareearth.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.SolverSettings;

/** The nonlinear solve of the demo data, one product (284690) and one year (2023), under a 25% tariff. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DemoEquilibriumBenchmark {

    private ArmingtonMarket market;
    private PolicyState shock;
    private final EquilibriumSolver solver = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Setup
    public void setUp() {
        TradeMatrix matrix = BenchmarkInputs.demoMatrix();
        market = BenchmarkInputs.calibrate(matrix);
        shock = BenchmarkInputs.largestPairTariff(matrix);
    }

    @Benchmark
    public Equilibrium solve() {
        return solver.solve(market, shock, null);
    }
}
