package org.rareearth.network.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * The directed weighted trade graph of one flow matrix (MODEL.md 7, conventions in 12).
 *
 * <p>Nodes are the countries with any foreign flow before the threshold is applied, so a country
 * whose trade all falls at or below the threshold stays as an isolated node. An edge {@code i -> j}
 * exists iff {@code i != j} and the value is strictly above the threshold; its weight is the value
 * (thousand USD). Domestic shipments on the diagonal never enter the graph. Nodes are indexed in
 * ISO3 order, which is the order every index-based accessor uses.
 */
public final class TradeNetwork {

    /** Keeping every positive flow is the spec's default (MODEL.md 7). */
    public static final double DEFAULT_THRESHOLD = 0.0;

    private static final int[] NO_NEIGHBOURS = new int[0];

    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final double threshold;
    private final double[][] weights;
    private final int[][] successors;
    private final int[][] predecessors;
    private final int[][] neighbours;
    private final int edgeCount;
    private final double totalWeight;

    private TradeNetwork(List<String> nodes, double threshold, double[][] weights) {
        this.nodes = List.copyOf(nodes);
        this.threshold = threshold;
        this.weights = weights;
        int n = nodes.size();
        this.index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        this.successors = new int[n][];
        this.predecessors = new int[n][];
        this.neighbours = new int[n][];
        int edges = 0;
        double total = 0;
        for (int row = 0; row < n; row++) {
            final int i = row;
            successors[i] = indicesWhere(n, j -> weights[i][j] > 0);
            predecessors[i] = indicesWhere(n, j -> weights[j][i] > 0);
            neighbours[i] = indicesWhere(n, j -> weights[i][j] > 0 || weights[j][i] > 0);
            edges += successors[i].length;
            for (int j : successors[i]) {
                total += weights[i][j];
            }
        }
        this.edgeCount = edges;
        this.totalWeight = total;
    }

    /**
     * Builds the network of a flow matrix; an edge is kept when its value is strictly above
     * {@code threshold} (thousand USD, finite, not negative; 0 keeps every positive flow).
     */
    public static TradeNetwork build(TradeMatrix matrix, double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
        }
        int size = matrix.size();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (hasForeignFlow(matrix, i)) {
                kept.add(i);
            }
        }
        // TradeMatrix guarantees ISO3 order only for sumOf; sort so indices are always ISO3 order.
        kept.sort((a, b) -> matrix.country(a).compareTo(matrix.country(b)));
        List<String> names = new ArrayList<>(kept.size());
        double[][] w = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            names.add(matrix.country(kept.get(a)));
            for (int b = 0; b < kept.size(); b++) {
                double v = matrix.value(kept.get(a), kept.get(b));
                if (a != b && v > threshold) {
                    w[a][b] = v;
                }
            }
        }
        return new TradeNetwork(names, threshold, w);
    }

    private static boolean hasForeignFlow(TradeMatrix matrix, int i) {
        for (int j = 0; j < matrix.size(); j++) {
            if (j != i && (matrix.value(i, j) > 0 || matrix.value(j, i) > 0)) {
                return true;
            }
        }
        return false;
    }

    private interface IndexTest {
        boolean holds(int j);
    }

    private static int[] indicesWhere(int n, IndexTest test) {
        int[] found = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (test.holds(j)) {
                found[count++] = j;
            }
        }
        return count == 0 ? NO_NEIGHBOURS : Arrays.copyOf(found, count);
    }

    /** Countries in ISO3 order. */
    public List<String> nodes() {
        return nodes;
    }

    public double threshold() {
        return threshold;
    }

    /** Number of directed edges. */
    public int edgeCount() {
        return edgeCount;
    }

    public int size() {
        return nodes.size();
    }

    public String node(int i) {
        return nodes.get(i);
    }

    /** Position of a country, or -1 when it is not a node. */
    public int indexOf(String iso3) {
        Integer i = index.get(iso3);
        return i == null ? -1 : i;
    }

    public boolean contains(String iso3) {
        return index.containsKey(iso3);
    }

    /** Weight of the edge {@code from -> to}, 0 when there is no such edge or either is not a node. */
    public double weight(String from, String to) {
        int i = indexOf(from);
        int j = indexOf(to);
        return i < 0 || j < 0 ? 0.0 : weights[i][j];
    }

    /** Weight of the edge {@code i -> j}, 0 when there is none. */
    public double weight(int i, int j) {
        return weights[i][j];
    }

    public boolean hasEdge(int i, int j) {
        return weights[i][j] > 0;
    }

    /** Weight of the undirected projection, {@code w[i][j] + w[j][i]} (MODEL.md 7). */
    public double projectedWeight(int i, int j) {
        return weights[i][j] + weights[j][i];
    }

    /** Importers that {@code i} has an edge to, ascending. */
    public int[] successors(int i) {
        return successors[i].clone();
    }

    /** Exporters with an edge to {@code i}, ascending. */
    public int[] predecessors(int i) {
        return predecessors[i].clone();
    }

    /** Neighbours of {@code i} in the undirected projection (edge either way), ascending. */
    public int[] neighbours(int i) {
        return neighbours[i].clone();
    }

    public int outDegree(int i) {
        return successors[i].length;
    }

    public int inDegree(int i) {
        return predecessors[i].length;
    }

    public double outStrength(int i) {
        double s = 0;
        for (int j : successors[i]) {
            s += weights[i][j];
        }
        return s;
    }

    public double inStrength(int i) {
        double s = 0;
        for (int j : predecessors[i]) {
            s += weights[j][i];
        }
        return s;
    }

    /** Sum of all edge weights (world trade of the kept edges). */
    public double totalWeight() {
        return totalWeight;
    }

    @Override
    public String toString() {
        return "TradeNetwork[" + nodes.size() + " nodes, " + edgeCount + " edges, threshold " + threshold + "]";
    }
}
