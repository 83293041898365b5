package org.rareearth.network.metrics;

import java.util.SortedMap;
import java.util.TreeMap;
import org.rareearth.network.model.TradeNetwork;

/** Computes the full MODEL.md 8 indicator set of one network. Stateless apart from its community detector. */
public final class NetworkAnalyzer {

    /** cr1 and cr3 (MODEL.md 8). */
    static final int TOP_ONE = 1;
    static final int TOP_THREE = 3;

    private final CommunityDetector communities;

    /** Leiden with {@link CommunityDetector#DEFAULT_RUNS} runs from seed {@link CommunityDetector#DEFAULT_FIRST_SEED}. */
    public NetworkAnalyzer() {
        this(new CommunityDetector());
    }

    public NetworkAnalyzer(CommunityDetector communities) {
        this.communities = communities;
    }

    public NetworkAnalysis analyze(TradeNetwork network) {
        int n = network.size();
        double[] exports = new double[n];
        double[] imports = new double[n];
        for (int i = 0; i < n; i++) {
            exports[i] = network.outStrength(i);
            imports[i] = network.inStrength(i);
        }
        Partition partition = communities.detect(network);
        int[] community = partition.assignments(network);
        PathLengths paths = PathLengths.of(network);
        NetworkIndicators indicators = new NetworkIndicators(n, network.edgeCount(), Cohesion.density(network),
                Cohesion.reciprocity(network), Cohesion.averageClustering(network), paths.average(), paths.diameter(),
                Cohesion.degreeCentralization(network), Concentration.herfindahl(exports),
                Concentration.herfindahl(imports), Concentration.topShare(exports, TOP_ONE),
                Concentration.topShare(exports, TOP_THREE), partition.communities(), partition.modularity(),
                intraCommunityShare(network, community), network.threshold());

        double[] pageRank = PageRank.of(network);
        double[] betweenness = Betweenness.of(network);
        SortedMap<String, CountryIndicators> countries = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double[] suppliers = supplies(network, i);
            boolean importsAnything = imports[i] > 0;
            countries.put(network.node(i), new CountryIndicators(network.inDegree(i), network.outDegree(i),
                    imports[i], exports[i], pageRank[i], betweenness[i],
                    importsAnything ? Concentration.herfindahl(suppliers) : null,
                    importsAnything ? Concentration.largestShare(suppliers) : null, community[i]));
        }
        return new NetworkAnalysis(indicators, countries, partition);
    }

    /** What each supplier sends to {@code importer}. */
    private static double[] supplies(TradeNetwork network, int importer) {
        int[] suppliers = network.predecessors(importer);
        double[] out = new double[suppliers.length];
        for (int k = 0; k < suppliers.length; k++) {
            out[k] = network.weight(suppliers[k], importer);
        }
        return out;
    }

    /** Share of trade value with exporter and importer in the same community (MODEL.md 8); 0 without trade. */
    static double intraCommunityShare(TradeNetwork network, int[] community) {
        double total = network.totalWeight();
        if (total == 0) {
            return 0.0;
        }
        // MODEL.md 8: intra-community trade / all trade
        double intra = 0;
        for (int i = 0; i < network.size(); i++) {
            for (int j : network.successors(i)) {
                if (community[i] == community[j]) {
                    intra += network.weight(i, j);
                }
            }
        }
        return intra / total;
    }
}
