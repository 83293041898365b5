package org.rareearth.network.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rareearth.network.model.TradeNetwork;

/**
 * A community partition: node -> community id, with the modularity it was reported with.
 * Ids run 0, 1, ... in the ISO3 order of each community's first member (MODEL.md 12), so two
 * runs that find the same grouping print the same ids.
 */
public record Partition(SortedMap<String, Integer> membership, double modularity) {

    public Partition {
        membership = Collections.unmodifiableSortedMap(new TreeMap<>(membership));
    }

    /**
     * Renumbers any labelling into the canonical ids (ISO3 order of first member), e.g. to build a
     * partition by hand.
     */
    public static Partition of(Map<String, Integer> labels, double modularity) {
        Map<Integer, Integer> canonical = new HashMap<>();
        SortedMap<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(labels).entrySet()) {
            out.put(e.getKey(), canonical.computeIfAbsent(e.getValue(), label -> canonical.size()));
        }
        return new Partition(out, modularity);
    }

    /** Number of communities. */
    public int communities() {
        return (int) membership.values().stream().distinct().count();
    }

    /** Community of a node; IllegalArgumentException for a country not in the partition. */
    public int communityOf(String iso3) {
        Integer c = membership.get(iso3);
        if (c == null) {
            throw new IllegalArgumentException(iso3 + " is not in the partition");
        }
        return c;
    }

    /** Community of each node of {@code network}, by node index. */
    int[] assignments(TradeNetwork network) {
        int[] out = new int[network.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = communityOf(network.node(i));
        }
        return out;
    }
}
