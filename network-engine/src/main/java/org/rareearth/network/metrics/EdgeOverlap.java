package org.rareearth.network.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rareearth.network.model.TradeNetwork;

/**
 * How far two networks' directed edge sets and weight distributions differ (MODEL.md 9): edge
 * Jaccard overlap, and the Jensen-Shannon divergence (base 2, the divergence itself, in [0, 1]) of
 * the weights normalised to sum 1 over the union of edges.
 */
record EdgeOverlap(double jensenShannon, double jaccard) {

    /** Two empty networks have identical (empty) edge sets. */
    private static final double EMPTY_JACCARD = 1.0;
    private static final double NO_DIVERGENCE = 0.0;
    /** One network with trade against one without: nothing in common, the base-2 maximum. */
    private static final double MAX_DIVERGENCE = 1.0;
    private static final double LOG_2 = Math.log(2);

    static EdgeOverlap of(TradeNetwork first, TradeNetwork second) {
        Map<String, Double> p = shares(first);
        Map<String, Double> q = shares(second);
        Set<String> union = new HashSet<>(p.keySet());
        union.addAll(q.keySet());
        long common = p.keySet().stream().filter(q::containsKey).count();
        // MODEL.md 9: |E1 and E2| / |E1 or E2| over directed edges
        double jaccard = union.isEmpty() ? EMPTY_JACCARD : (double) common / union.size();
        double divergence;
        if (p.isEmpty() && q.isEmpty()) {
            divergence = NO_DIVERGENCE;
        } else if (p.isEmpty() || q.isEmpty()) {
            divergence = MAX_DIVERGENCE;
        } else {
            // MODEL.md 9 + 12: JS = KL(P||M)/2 + KL(Q||M)/2, M = (P+Q)/2, base 2
            double sum = 0;
            for (String edge : union) {
                double pe = p.getOrDefault(edge, 0.0);
                double qe = q.getOrDefault(edge, 0.0);
                double mean = (pe + qe) / 2;
                sum += halfKullbackLeibler(pe, mean) + halfKullbackLeibler(qe, mean);
            }
            divergence = sum;
        }
        return new EdgeOverlap(divergence, jaccard);
    }

    private static double halfKullbackLeibler(double probability, double mean) {
        return probability == 0 ? 0.0 : 0.5 * probability * Math.log(probability / mean) / LOG_2;
    }

    /** Directed edges keyed by "exporter>importer" with their share of the network's total weight. */
    private static Map<String, Double> shares(TradeNetwork network) {
        Map<String, Double> out = new HashMap<>();
        double total = network.totalWeight();
        for (int i = 0; i < network.size(); i++) {
            for (int j : network.successors(i)) {
                out.put(network.node(i) + ">" + network.node(j), network.weight(i, j) / total);
            }
        }
        return out;
    }
}
