package org.rareearth.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.rareearth.tradedata.baci.BaciDataset;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.shared.scenario.Elasticities;

/** The markets and shocks the benchmarks solve, built the same way for every benchmark. */
final class BenchmarkInputs {

    static final long SEED = 20240601L;
    /** Where the demo data are, relative to the project root (override with -Drareearth.data=DIR). */
    static final String DATA_PROPERTY = "rareearth.data";
    static final String DEFAULT_DATA = "data/rare-earth-demo";
    static final int DEMO_YEAR = 2023;
    static final String DEMO_PRODUCT = "284690";
    static final double SHOCK_TARIFF = 0.25;

    private BenchmarkInputs() {
    }

    static TradeMatrix demoMatrix() {
        Path dir = Path.of(System.getProperty(DATA_PROPERTY, DEFAULT_DATA));
        try {
            return TradeMatrix.sumOf(BaciDataset.read(dir).flows(DEMO_YEAR, List.of(DEMO_PRODUCT)));
        } catch (IOException e) {
            throw new UncheckedIOException("demo data not readable at " + dir.toAbsolutePath()
                    + " (run from the project root or pass -D" + DATA_PROPERTY + "=DIR)", e);
        }
    }

    static ArmingtonMarket calibrate(TradeMatrix benchmark) {
        return ArmingtonMarket.calibrate(benchmark, PolicyState.free(benchmark.size()),
                MarketElasticities.uniform(benchmark.size(), Elasticities.DEFAULT_SIGMA, Elasticities.DEFAULT_ETA,
                        Elasticities.DEFAULT_EPS));
    }

    /**
     * A 25% tariff of the largest importer on the largest exporter's goods: a shock that moves every
     * price a little and one price a lot, like a US tariff on Chinese rare earths.
     */
    static PolicyState largestPairTariff(TradeMatrix m) {
        int exporter = argMax(m, true);
        int importer = argMax(m, false);
        if (exporter == importer) {
            throw new IllegalStateException("largest exporter is also the largest importer: choose another shock");
        }
        PolicyState shock = PolicyState.free(m.size());
        shock.setTariff(exporter, importer, SHOCK_TARIFF);
        return shock;
    }

    private static int argMax(TradeMatrix m, boolean exports) {
        int best = 0;
        double bestTotal = -1;
        for (int a = 0; a < m.size(); a++) {
            double total = 0;
            for (int b = 0; b < m.size(); b++) {
                total += exports ? m.value(a, b) : m.value(b, a);
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = a;
            }
        }
        return best;
    }
}
