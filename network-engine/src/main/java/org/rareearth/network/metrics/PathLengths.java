package org.rareearth.network.metrics;

import java.util.Arrays;
import org.rareearth.network.model.TradeNetwork;

/**
 * Average shortest-path length and diameter over the reachable ordered pairs of the directed,
 * unweighted graph (MODEL.md 8 and 12), by a breadth-first search from every node: O(n m).
 */
record PathLengths(Double average, Integer diameter) {

    private static final int UNREACHED = -1;

    /** Both null when there are no edges, hence no reachable pair (MODEL.md 12). */
    static PathLengths of(TradeNetwork network) {
        int n = network.size();
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = network.successors(i);
        }
        int[] hops = new int[n];
        int[] queue = new int[n];
        long pairs = 0;
        long totalHops = 0;
        int longest = 0;
        for (int source = 0; source < n; source++) {
            Arrays.fill(hops, UNREACHED);
            hops[source] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = source;
            while (head < tail) {
                int v = queue[head++];
                for (int w : successors[v]) {
                    if (hops[w] == UNREACHED) {
                        hops[w] = hops[v] + 1;
                        queue[tail++] = w;
                        pairs++;
                        totalHops += hops[w];
                        longest = Math.max(longest, hops[w]);
                    }
                }
            }
        }
        return pairs == 0 ? new PathLengths(null, null) : new PathLengths((double) totalHops / pairs, longest);
    }
}
