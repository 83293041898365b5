package org.rareearth.network.metrics;

import org.rareearth.network.model.TradeNetwork;

/** Density, reciprocity, clustering and degree centralization (MODEL.md 8, conventions in 12). */
final class Cohesion {

    /** No edge is possible below two nodes; density is then 0. */
    private static final int MIN_NODES_FOR_EDGES = 2;
    /** Freeman's normalisation (n-1)(n-2) is zero below three nodes; centralization is then 0. */
    private static final int MIN_NODES_FOR_CENTRALIZATION = 3;
    /** A node needs two neighbours to close a triangle; with fewer its clustering is 0 (MODEL.md 12). */
    private static final int MIN_NEIGHBOURS_FOR_CLUSTERING = 2;

    private Cohesion() {
    }

    /** {@code edges / (n (n-1))}; 0 below two nodes, where no edge is possible. */
    static double density(TradeNetwork network) {
        int n = network.size();
        // MODEL.md 8: edges / (n (n-1))
        return n < MIN_NODES_FOR_EDGES ? 0.0 : network.edgeCount() / ((double) n * (n - 1));
    }

    /** Share of edges whose reverse edge exists; 0 without edges. */
    static double reciprocity(TradeNetwork network) {
        if (network.edgeCount() == 0) {
            return 0.0;
        }
        // MODEL.md 8: share of edges whose reverse edge exists
        int reciprocated = 0;
        for (int i = 0; i < network.size(); i++) {
            for (int j : network.successors(i)) {
                if (network.hasEdge(j, i)) {
                    reciprocated++;
                }
            }
        }
        return (double) reciprocated / network.edgeCount();
    }

    /**
     * Mean local clustering of the unweighted undirected projection: for each node, the share of
     * pairs of its neighbours that are themselves neighbours. Neighbour sets are bit sets, so a
     * node's triangles cost one AND per neighbour.
     */
    static double averageClustering(TradeNetwork network) {
        int n = network.size();
        if (n == 0) {
            return 0.0;
        }
        long[][] adjacency = new long[n][];
        for (int i = 0; i < n; i++) {
            adjacency[i] = new long[(n + Long.SIZE - 1) / Long.SIZE];
            for (int j : network.neighbours(i)) {
                adjacency[i][j / Long.SIZE] |= 1L << (j % Long.SIZE);
            }
        }
        // MODEL.md 8 + 12: mean over all nodes of links among neighbours / (k (k-1) / 2)
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int[] neighbours = network.neighbours(i);
            int k = neighbours.length;
            if (k < MIN_NEIGHBOURS_FOR_CLUSTERING) {
                continue;
            }
            long linkedPairsTwice = 0;
            for (int j : neighbours) {
                for (int word = 0; word < adjacency[i].length; word++) {
                    linkedPairsTwice += Long.bitCount(adjacency[i][word] & adjacency[j][word]);
                }
            }
            sum += linkedPairsTwice / ((double) k * (k - 1));
        }
        return sum / n;
    }

    /**
     * Freeman centralization of neighbour counts on the undirected projection,
     * {@code sum(max - k_i) / ((n-1)(n-2))}: 1 for a star, 0 when all counts are equal.
     */
    static double degreeCentralization(TradeNetwork network) {
        int n = network.size();
        if (n < MIN_NODES_FOR_CENTRALIZATION) {
            return 0.0;
        }
        int max = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int k = network.neighbours(i).length;
            max = Math.max(max, k);
            sum += k;
        }
        // MODEL.md 12: sum(max - k_i) / ((n-1)(n-2))
        return ((double) n * max - sum) / ((double) (n - 1) * (n - 2));
    }
}
