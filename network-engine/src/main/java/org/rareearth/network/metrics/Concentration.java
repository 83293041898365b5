package org.rareearth.network.metrics;

import java.util.Arrays;

/** Herfindahl index and concentration ratios of a set of amounts (MODEL.md 8). */
final class Concentration {

    private Concentration() {
    }

    /** Sum of squared shares, in [1/count of positive amounts, 1]; 0 when nothing is traded. */
    static double herfindahl(double[] amounts) {
        double total = Arrays.stream(amounts).sum();
        if (total == 0) {
            return 0.0;
        }
        // MODEL.md 8: HHI = sum of squared shares
        double sum = 0;
        for (double a : amounts) {
            double share = a / total;
            sum += share * share;
        }
        return sum;
    }

    /** Share of the total held by the {@code top} largest amounts; 0 when nothing is traded. */
    static double topShare(double[] amounts, int top) {
        double total = Arrays.stream(amounts).sum();
        if (total == 0) {
            return 0.0;
        }
        double[] sorted = amounts.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int k = 0; k < Math.min(top, sorted.length); k++) {
            sum += sorted[sorted.length - 1 - k];
        }
        return sum / total;
    }

    /** Largest share of the total; 0 when nothing is traded. */
    static double largestShare(double[] amounts) {
        return topShare(amounts, 1);
    }
}
