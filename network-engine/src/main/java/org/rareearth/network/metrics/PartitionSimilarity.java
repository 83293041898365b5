package org.rareearth.network.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NMI and ARI of two partitions over their common nodes (MODEL.md 9 and 12). Both are 1 when both
 * partitions are trivial (one community each, or with fewer than two common nodes, where there is
 * nothing to disagree on).
 *
 * <p>Sources: ARI after L. Hubert and P. Arabie, "Comparing partitions", Journal of Classification
 * 2(1), 193-218, 1985; NMI with the arithmetic-mean normalisation of L. Danon, A. Diaz-Guilera,
 * J. Duch and A. Arenas, "Comparing community structure identification", Journal of Statistical
 * Mechanics P09008, 2005 (MODEL.md 12 fixes the normalisation).
 */
record PartitionSimilarity(double nmi, double ari) {

    private static final double IDENTICAL = 1.0;
    private static final int MIN_NODES_TO_COMPARE = 2;

    static PartitionSimilarity of(Partition first, Partition second) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        first.membership().forEach((node, community) -> {
            Integer other = second.membership().get(node);
            if (other != null) {
                a.add(community);
                b.add(other);
            }
        });
        int n = a.size();
        if (n < MIN_NODES_TO_COMPARE) {
            return new PartitionSimilarity(IDENTICAL, IDENTICAL);
        }
        Map<Integer, Integer> sizesA = new HashMap<>();
        Map<Integer, Integer> sizesB = new HashMap<>();
        Map<List<Integer>, Integer> joint = new HashMap<>();
        for (int k = 0; k < n; k++) {
            sizesA.merge(a.get(k), 1, Integer::sum);
            sizesB.merge(b.get(k), 1, Integer::sum);
            joint.merge(List.of(a.get(k), b.get(k)), 1, Integer::sum);
        }
        return new PartitionSimilarity(nmi(n, sizesA, sizesB, joint), ari(n, sizesA, sizesB, joint));
    }

    /** {@code 2 I / (H1 + H2)}; the logarithm base cancels. */
    private static double nmi(int n, Map<Integer, Integer> sizesA, Map<Integer, Integer> sizesB,
                              Map<List<Integer>, Integer> joint) {
        double h1 = entropy(n, sizesA);
        double h2 = entropy(n, sizesB);
        if (h1 + h2 == 0) {
            return IDENTICAL;
        }
        // MODEL.md 12: NMI = 2 I / (H1 + H2)
        double mutual = 0;
        for (Map.Entry<List<Integer>, Integer> cell : joint.entrySet()) {
            double count = cell.getValue();
            double expected = (double) sizesA.get(cell.getKey().get(0)) * sizesB.get(cell.getKey().get(1));
            mutual += count / n * Math.log(count * n / expected);
        }
        return 2 * mutual / (h1 + h2);
    }

    private static double entropy(int n, Map<Integer, Integer> sizes) {
        double h = 0;
        for (int size : sizes.values()) {
            double p = (double) size / n;
            h -= p * Math.log(p);
        }
        return h;
    }

    /** Hubert-Arabie: (index - expected) / (max - expected) over pair counts. */
    private static double ari(int n, Map<Integer, Integer> sizesA, Map<Integer, Integer> sizesB,
                              Map<List<Integer>, Integer> joint) {
        double index = 0;
        for (int count : joint.values()) {
            index += pairs(count);
        }
        double pairsA = 0;
        for (int size : sizesA.values()) {
            pairsA += pairs(size);
        }
        double pairsB = 0;
        for (int size : sizesB.values()) {
            pairsB += pairs(size);
        }
        // MODEL.md 12: Hubert-Arabie ARI
        double expected = pairsA * pairsB / pairs(n);
        double max = (pairsA + pairsB) / 2;
        // Zero only when both partitions are the same trivial one (all together or all apart).
        return max == expected ? IDENTICAL : (index - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
