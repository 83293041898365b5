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
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * The full network indicator set (MODEL.md 8: whole network, per country, Leiden best of 10) of a
 * synthetic network, including building the graph from the matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class NetworkBenchmark {

    @Param("250")
    int countries;

    @Param("0.3")
    double pairShare;

    private TradeMatrix matrix;
    private final NetworkAnalyzer analyzer = new NetworkAnalyzer();

    @Setup
    public void setUp() {
        matrix = SyntheticTradeMatrix.generate(countries, pairShare, BenchmarkInputs.SEED);
    }

    @Benchmark
    public NetworkAnalysis analyze() {
        return analyzer.analyze(TradeNetwork.build(matrix, 0.0));
    }
}
