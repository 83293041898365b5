package org.rareearth.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * Seeded synthetic trade matrices for benchmarks: {@code n} countries with log-normal economic
 * sizes, each ordered foreign pair trading with probability {@code pairShare}, value proportional
 * to the product of the two sizes times log-normal noise (a gravity-like, heavy-tailed pattern
 * such as real trade data shows). Every country exports to and imports from at least one partner,
 * so no market or exporter is empty.
 */
public final class SyntheticTradeMatrix {

    private static final double SIZE_LOG_SD = 1.5;
    private static final double NOISE_LOG_SD = 1.0;
    private static final double VALUE_SCALE = 1_000.0;

    private SyntheticTradeMatrix() {
    }

    public static TradeMatrix generate(int n, double pairShare, long seed) {
        if (n < 2 || !(pairShare > 0 && pairShare <= 1)) {
            throw new IllegalArgumentException("need n >= 2 and 0 < pairShare <= 1, got n=" + n + ", pairShare=" + pairShare);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = Math.exp(SIZE_LOG_SD * gaussian(random));
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && random.nextDouble() < pairShare) {
                    v[i][j] = flow(size[i], size[j], random);
                }
            }
        }
        // A ring guarantees that every country both exports and imports.
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (v[i][j] == 0) {
                v[i][j] = flow(size[i], size[j], random);
            }
        }
        return new TradeMatrix(names(n), v);
    }

    private static double flow(double sizeI, double sizeJ, SplittableRandom random) {
        return VALUE_SCALE * sizeI * sizeJ * Math.exp(NOISE_LOG_SD * gaussian(random));
    }

    /** Three-letter codes AAA, AAB, ... so that the matrix looks like ISO3-labelled data. */
    static List<String> names(int n) {
        List<String> names = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            names.add("" + (char) ('A' + k / 676) + (char) ('A' + (k / 26) % 26) + (char) ('A' + k % 26));
        }
        return names;
    }

    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    /** Share of ordered foreign pairs with a positive flow. */
    public static double pairShare(TradeMatrix m) {
        int n = m.size();
        int trading = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && m.value(i, j) > 0) {
                    trading++;
                }
            }
        }
        return trading / (double) (n * (n - 1));
    }
}
