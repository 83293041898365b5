package org.rareearth.network.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.rareearth.network.model.TradeNetwork;

/**
 * Leiden communities of the undirected projection {@code w[i][j] + w[j][i]} with the modularity
 * quality function at resolution 1 (MODEL.md 8 and 12), best of several seeded runs.
 *
 * <p>CWTS's Leiden optimises CPM; it becomes modularity (as in CWTS's own RunNetworkClustering)
 * when node weights are the nodes' total edge weights and the resolution is divided by {@code 2m},
 * m being the total undirected edge weight. The reported modularity is not CWTS's number but is
 * recomputed from the returned partition by {@link #modularity}, so the two always agree.
 *
 * <p>Sources: V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities", Scientific Reports 9, 5233, 2019 (the algorithm; CWTS's
 * {@code networkanalysis} library is its authors' implementation); modularity after M. E. J. Newman
 * and M. Girvan, "Finding and evaluating community structure in networks", Physical Review E 69,
 * 026113, 2004.
 */
public final class CommunityDetector {

    public static final int DEFAULT_RUNS = 10;
    public static final long DEFAULT_FIRST_SEED = 0L;
    /** MODEL.md 8: resolution 1 of the modularity quality function. */
    static final double MODULARITY_RESOLUTION = 1.0;
    /** CWTS's default randomness of the refinement step. */
    static final double LEIDEN_RANDOMNESS = LeidenAlgorithm.DEFAULT_RANDOMNESS;
    /** CWTS reads a non-positive iteration count as "iterate until the partition stops changing". */
    static final int ITERATE_UNTIL_STABLE = 0;
    /**
     * Partitions of mathematically equal modularity (e.g. a ring cut into 4 arcs of 5 or 5 arcs of 4)
     * can differ in the last bits; a later run must beat the best by more than this to replace it, so
     * that "ties keep the lowest seed" does not depend on rounding.
     */
    static final double MODULARITY_TIE_TOLERANCE = 1e-12;

    private final int runs;
    private final long firstSeed;

    public CommunityDetector() {
        this(DEFAULT_RUNS, DEFAULT_FIRST_SEED);
    }

    /** Runs Leiden with seeds {@code firstSeed .. firstSeed + runs - 1}. */
    public CommunityDetector(int runs, long firstSeed) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.runs = runs;
        this.firstSeed = firstSeed;
    }

    /**
     * The partition with the highest modularity over the runs (a tie, up to
     * {@link #MODULARITY_TIE_TOLERANCE}, keeps the lowest seed).
     * Isolated nodes are singleton communities. A network without edges has only singletons and
     * modularity 0, since modularity is undefined there (m = 0).
     */
    public Partition detect(TradeNetwork network) {
        int n = network.size();
        int[] best = singletons(n);
        if (network.totalWeight() > 0) {
            Network projection = projection(network);
            // MODEL.md 8: modularity = CPM with node weight k_i and resolution 1/(2m)
            double resolution = MODULARITY_RESOLUTION / (2 * projection.getTotalEdgeWeight());
            double bestQuality = Double.NEGATIVE_INFINITY;
            for (int run = 0; run < runs; run++) {
                LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, ITERATE_UNTIL_STABLE, LEIDEN_RANDOMNESS,
                        new Random(firstSeed + run));
                Clustering clustering = new Clustering(n);
                leiden.improveClustering(projection, clustering);
                int[] labels = isolatedAsSingletons(network, clustering.getClusters());
                double quality = modularity(network, labels);
                if (quality > bestQuality + MODULARITY_TIE_TOLERANCE) {
                    bestQuality = quality;
                    best = labels;
                }
            }
        }
        return partitionOf(network, best);
    }

    /** Modularity of a partition of the undirected projection, computed from the partition alone (MODEL.md 8). */
    public static double modularity(TradeNetwork network, Partition partition) {
        return modularity(network, partition.assignments(network));
    }

    /*
     * With W the total directed weight, the projection has m = W and strengths k = in + out, so
     * Q = sum_c [ intra_c / W - (K_c / 2W)^2 ], intra_c = directed weight inside community c.
     */
    static double modularity(TradeNetwork network, int[] community) {
        double total = network.totalWeight();
        if (total == 0) {
            return 0.0;
        }
        int n = network.size();
        double intra = 0;
        Map<Integer, Double> strengthOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j : network.successors(i)) {
                if (community[i] == community[j]) {
                    intra += network.weight(i, j);
                }
            }
            strengthOf.merge(community[i], network.inStrength(i) + network.outStrength(i), Double::sum);
        }
        double expected = 0;
        for (double k : strengthOf.values()) {
            expected += (k / (2 * total)) * (k / (2 * total));
        }
        return intra / total - expected;
    }

    /** CWTS's own quality value of a partition under the setup above; the tests check it equals {@link #modularity}. */
    static double leidenQuality(TradeNetwork network, Partition partition) {
        Network projection = projection(network);
        double resolution = MODULARITY_RESOLUTION / (2 * projection.getTotalEdgeWeight());
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, ITERATE_UNTIL_STABLE, LEIDEN_RANDOMNESS,
                new Random(DEFAULT_FIRST_SEED));
        return leiden.calcQuality(projection, new Clustering(partition.assignments(network)));
    }

    /** The undirected projection in CWTS's compressed neighbour form, node weight = total edge weight. */
    private static Network projection(TradeNetwork network) {
        int n = network.size();
        long[] firstNeighbour = new long[n + 1];
        int entries = 0;
        for (int i = 0; i < n; i++) {
            entries += network.neighbours(i).length;
        }
        int[] neighbours = new int[entries];
        double[] weights = new double[entries];
        int at = 0;
        for (int i = 0; i < n; i++) {
            firstNeighbour[i] = at;
            for (int j : network.neighbours(i)) {
                neighbours[at] = j;
                weights[at] = network.projectedWeight(i, j);
                at++;
            }
        }
        firstNeighbour[n] = at;
        boolean nodeWeightsAreTotalEdgeWeights = true;
        boolean checkIntegrity = false;
        return new Network(n, nodeWeightsAreTotalEdgeWeights, firstNeighbour, new LargeIntArray(neighbours),
                new LargeDoubleArray(weights), checkIntegrity);
    }

    private static int[] singletons(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        return labels;
    }

    // A node without edges adds nothing to modularity wherever it sits; keep it alone so its id is stable.
    private static int[] isolatedAsSingletons(TradeNetwork network, int[] clusters) {
        int[] labels = clusters.clone();
        int fresh = network.size();
        for (int i = 0; i < labels.length; i++) {
            if (network.neighbours(i).length == 0) {
                labels[i] = fresh++;
            }
        }
        return labels;
    }

    private static Partition partitionOf(TradeNetwork network, int[] labels) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byName.put(network.node(i), labels[i]);
        }
        return Partition.of(byName, modularity(network, labels));
    }
}
