package org.rareearth.network.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whole-network indicators (MODEL.md 8). {@code avgPathLength} and {@code diameter} are null when
 * the network has no edges (MODEL.md 12). Concentration and community shares of a network without
 * edges are 0, since there is no trade to share out.
 */
public record NetworkIndicators(int nodes, int edges, double density, double reciprocity, double avgClustering,
                                Double avgPathLength, Integer diameter, double degreeCentralization,
                                double exportHHI, double importHHI, double cr1, double cr3, int communities,
                                double modularity, double intraCommunityShare, double threshold) {

    /**
     * The indicators under their MODEL.md 8 names, in that table's order. The threshold is left
     * out: it is configuration stored with the result, not an indicator to compare.
     */
    public Map<String, Number> asMap() {
        Map<String, Number> out = new LinkedHashMap<>();
        out.put("nodes", nodes);
        out.put("edges", edges);
        out.put("density", density);
        out.put("reciprocity", reciprocity);
        out.put("avgClustering", avgClustering);
        out.put("avgPathLength", avgPathLength);
        out.put("diameter", diameter);
        out.put("degreeCentralization", degreeCentralization);
        out.put("exportHHI", exportHHI);
        out.put("importHHI", importHHI);
        out.put("cr1", cr1);
        out.put("cr3", cr3);
        out.put("communities", communities);
        out.put("modularity", modularity);
        out.put("intraCommunityShare", intraCommunityShare);
        return out;
    }
}
