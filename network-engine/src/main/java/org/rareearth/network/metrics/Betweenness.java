package org.rareearth.network.metrics;

import java.util.Arrays;
import org.rareearth.network.model.TradeNetwork;

/**
 * Directed betweenness with edge length {@code 1/w}, normalised by {@code (n-1)(n-2)} (MODEL.md 12),
 * by Brandes' accumulation over Dijkstra trees. Trade networks are dense (a third of all pairs),
 * so Dijkstra scans an array for the nearest node instead of using a heap: O(n^2 + m) per source.
 * Paths tie only when their lengths are exactly equal in floating point.
 *
 * <p>Source: U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical
 * Sociology 25(2), 163-177, 2001; the weighted variant of U. Brandes, "On variants of
 * shortest-path betweenness centrality and their generic computation", Social Networks 30(2),
 * 136-145, 2008. Cross-checked in the tests against JGraphT's {@code BetweennessCentrality}.
 */
final class Betweenness {

    /** Below three nodes no node can lie between two others; the scores are 0. */
    private static final int MIN_NODES_FOR_INTERMEDIARIES = 3;

    private Betweenness() {
    }

    static double[] of(TradeNetwork network) {
        int n = network.size();
        double[] centrality = new double[n];
        if (n < MIN_NODES_FOR_INTERMEDIARIES) {
            return centrality;
        }
        int[][] successors = new int[n][];
        double[][] lengths = new double[n][];
        int[][] predecessors = new int[n][];
        double[][] inLengths = new double[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = network.successors(i);
            lengths[i] = new double[successors[i].length];
            for (int k = 0; k < successors[i].length; k++) {
                lengths[i][k] = 1.0 / network.weight(i, successors[i][k]); // MODEL.md 12: length 1/w
            }
            predecessors[i] = network.predecessors(i);
            inLengths[i] = new double[predecessors[i].length];
            for (int k = 0; k < predecessors[i].length; k++) {
                inLengths[i][k] = 1.0 / network.weight(predecessors[i][k], i);
            }
        }
        double[] distance = new double[n];
        boolean[] settled = new boolean[n];
        int[] order = new int[n];
        double[] paths = new double[n];
        double[] dependency = new double[n];
        for (int source = 0; source < n; source++) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            Arrays.fill(settled, false);
            Arrays.fill(paths, 0);
            Arrays.fill(dependency, 0);
            distance[source] = 0;
            int reached = 0;
            while (true) {
                int v = nearestUnsettled(distance, settled);
                if (v < 0) {
                    break;
                }
                settled[v] = true;
                order[reached++] = v;
                for (int k = 0; k < successors[v].length; k++) {
                    int w = successors[v][k];
                    double candidate = distance[v] + lengths[v][k];
                    if (candidate < distance[w]) {
                        distance[w] = candidate;
                    }
                }
            }
            // Shortest-path counts in settling order: a predecessor on a shortest path settles first.
            paths[source] = 1;
            for (int r = 1; r < reached; r++) {
                int w = order[r];
                for (int k = 0; k < predecessors[w].length; k++) {
                    int v = predecessors[w][k];
                    if (settled[v] && distance[v] + inLengths[w][k] == distance[w]) {
                        paths[w] += paths[v];
                    }
                }
            }
            for (int r = reached - 1; r > 0; r--) {
                int w = order[r];
                for (int k = 0; k < predecessors[w].length; k++) {
                    int v = predecessors[w][k];
                    if (settled[v] && distance[v] + inLengths[w][k] == distance[w]) {
                        dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                    }
                }
                centrality[w] += dependency[w];
            }
        }
        double pairs = (double) (n - 1) * (n - 2); // MODEL.md 12
        for (int i = 0; i < n; i++) {
            centrality[i] /= pairs;
        }
        return centrality;
    }

    private static int nearestUnsettled(double[] distance, boolean[] settled) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < distance.length; i++) {
            if (!settled[i] && distance[i] < bestDistance) {
                best = i;
                bestDistance = distance[i];
            }
        }
        return best;
    }
}
