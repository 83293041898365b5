package org.rareearth.network.metrics;

import java.util.Arrays;
import org.rareearth.network.model.TradeNetwork;

/**
 * Weighted PageRank by power iteration (MODEL.md 12): a surfer at i follows edge i -> j with
 * probability {@code w[i][j] / outStrength(i)}; the mass of countries without exports (dangling
 * nodes) is spread uniformly over all nodes, as is the teleport share {@code 1 - damping}.
 * Written directly rather than with JGraphT so the dangling-node rule and the 1e-12 tolerance are
 * exactly the spec's.
 *
 * <p>Source: S. Brin and L. Page, "The anatomy of a large-scale hypertextual Web search engine",
 * Computer Networks and ISDN Systems 30(1-7), 107-117, 1998; L. Page, S. Brin, R. Motwani and
 * T. Winograd, "The PageRank citation ranking: bringing order to the Web", Stanford InfoLab
 * technical report 1999-66, 1999.
 */
final class PageRank {

    static final double PAGE_RANK_DAMPING = 0.85;
    /** Stop when the L1 change of the score vector falls below this. */
    static final double PAGE_RANK_TOLERANCE = 1e-12;
    /** Damping 0.85 shrinks the error by 0.85 per step: 1e-12 needs about 170 steps, so this is a safety net. */
    static final int PAGE_RANK_MAX_ITERATIONS = 10_000;

    private PageRank() {
    }

    /** Scores by node index, summing to 1. */
    static double[] of(TradeNetwork network) {
        int n = network.size();
        double[] rank = new double[n];
        if (n == 0) {
            return rank;
        }
        int[][] successors = new int[n][];
        double[][] transition = new double[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = network.successors(i);
            double out = network.outStrength(i);
            transition[i] = new double[successors[i].length];
            for (int k = 0; k < successors[i].length; k++) {
                transition[i][k] = network.weight(i, successors[i][k]) / out;
            }
        }
        Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < PAGE_RANK_MAX_ITERATIONS; iteration++) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (successors[i].length == 0) {
                    dangling += rank[i];
                }
            }
            // MODEL.md 12: teleport (1-d)/n plus dangling mass d * dangling / n, then d * flows along edges
            Arrays.fill(next, ((1 - PAGE_RANK_DAMPING) + PAGE_RANK_DAMPING * dangling) / n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < successors[i].length; k++) {
                    next[successors[i][k]] += PAGE_RANK_DAMPING * rank[i] * transition[i][k];
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                change += Math.abs(next[i] - rank[i]);
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            if (change < PAGE_RANK_TOLERANCE) {
                break;
            }
        }
        return rank;
    }
}
