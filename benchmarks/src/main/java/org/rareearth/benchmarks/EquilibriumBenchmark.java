package org.rareearth.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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

/** The nonlinear equilibrium solve (MODEL.md 3) of a synthetic market, from benchmark prices. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EquilibriumBenchmark {

    @Param("250")
    int countries;

    @Param("0.3")
    double pairShare;

    private ArmingtonMarket market;
    private PolicyState shock;
    private final EquilibriumSolver solver = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Setup
    public void setUp() {
        TradeMatrix matrix = SyntheticTradeMatrix.generate(countries, pairShare, BenchmarkInputs.SEED);
        market = BenchmarkInputs.calibrate(matrix);
        shock = BenchmarkInputs.largestPairTariff(matrix);
    }

    @Benchmark
    public Equilibrium solve() {
        return solver.solve(market, shock, null);
    }
}
