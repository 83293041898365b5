package org.rareearth.network.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.network.model.TradeNetwork;

/**
 * Divergence of a scenario network from a baseline (MODEL.md 9): the change of every whole-network
 * indicator (scenario minus baseline; null when either side is null), NMI and ARI of the two
 * partitions over the common nodes, Jensen-Shannon divergence of the edge-weight distributions
 * (base 2) and the edge Jaccard overlap of the directed edges.
 */
public record NetworkComparison(Map<String, Double> indicatorChanges, double nmi, double ari, double jensenShannon,
                                double edgeJaccard) {

    public NetworkComparison {
        indicatorChanges = Collections.unmodifiableMap(new LinkedHashMap<>(indicatorChanges));
    }

    public static NetworkComparison between(NetworkAnalysis baseline, TradeNetwork baselineNet,
                                            NetworkAnalysis scenario, TradeNetwork scenarioNet) {
        Map<String, Number> before = baseline.indicators().asMap();
        Map<String, Number> after = scenario.indicators().asMap();
        Map<String, Double> changes = new LinkedHashMap<>();
        before.forEach((name, value) -> {
            Number other = after.get(name);
            changes.put(name, value == null || other == null ? null : other.doubleValue() - value.doubleValue());
        });
        PartitionSimilarity similarity = PartitionSimilarity.of(baseline.partition(), scenario.partition());
        EdgeOverlap overlap = EdgeOverlap.of(baselineNet, scenarioNet);
        return new NetworkComparison(changes, similarity.nmi(), similarity.ari(), overlap.jensenShannon(),
                overlap.jaccard());
    }
}
