package org.rareearth.network.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SortedMap;
import org.assertj.core.data.Offset;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;
import org.rareearth.network.model.TradeNetwork;

class CountryIndicatorsTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final double D = PageRank.PAGE_RANK_DAMPING;
    private final NetworkAnalyzer analyzer = new NetworkAnalyzer();

    private SortedMap<String, CountryIndicators> countries(TradeNetwork network) {
        return analyzer.analyze(network).countries();
    }

    @Test
    void degreesStrengthsAndSupplierConcentration() {
        // CCC imports 2 from AAA and 3 from BBB: supplier HHI 0.4^2 + 0.6^2 = 0.52, largest 0.6.
        // AAA imports 1 from CCC and 3 from DDD: HHI (1 + 9)/16, largest 3/4. DDD imports nothing.
        SortedMap<String, CountryIndicators> c = countries(
                Networks.of("AAA>BBB=4", "AAA>CCC=2", "BBB>CCC=3", "CCC>AAA=1", "DDD>AAA=3"));

        CountryIndicators ccc = c.get("CCC");
        assertThat(ccc.inDegree()).isEqualTo(2);
        assertThat(ccc.outDegree()).isEqualTo(1);
        assertThat(ccc.inStrength()).isEqualTo(5);
        assertThat(ccc.outStrength()).isEqualTo(1);
        assertThat(ccc.supplierHHI()).isCloseTo(0.52, EXACT);
        assertThat(ccc.largestSupplierShare()).isCloseTo(0.6, EXACT);
        assertThat(c.get("AAA").supplierHHI()).isCloseTo(10.0 / 16, EXACT);
        assertThat(c.get("AAA").largestSupplierShare()).isCloseTo(0.75, EXACT);
        assertThat(c.get("DDD").supplierHHI()).isNull();
        assertThat(c.get("DDD").largestSupplierShare()).isNull();
        assertThat(c.get("DDD").inDegree()).isZero();
    }

    @Test
    void pageRankSpreadsDanglingMassUniformly() {
        // AAA->BBB, AAA->CCC, BBB->AAA (weight 1); CCC exports nothing (dangling), n = 3.
        // a = (1-d)/3 + d (b + c/3); b = c = (1-d)/3 + d (a/2 + c/3); a + 2b = 1
        // => b (1 + 2d/3) = (1-d)/3 + d/2.
        SortedMap<String, CountryIndicators> c = countries(Networks.of("AAA>BBB=1", "AAA>CCC=1", "BBB>AAA=1"));
        double b = ((1 - D) / 3 + D / 2) / (1 + 2 * D / 3);

        assertThat(c.get("BBB").pageRank()).isCloseTo(b, EXACT);
        assertThat(c.get("CCC").pageRank()).isCloseTo(b, EXACT);
        assertThat(c.get("AAA").pageRank()).isCloseTo(1 - 2 * b, EXACT);
    }

    @Test
    void pageRankFollowsTradeValues() {
        // AAA->BBB 3, AAA->CCC 1, BBB->AAA 1, CCC->AAA 1. a = (1-d)/3 + d (b + c) = (1-d)/3 + d (1 - a)
        // => a = ((1-d)/3 + d) / (1 + d); b = (1-d)/3 + d (3/4) a; c = (1-d)/3 + d (1/4) a.
        SortedMap<String, CountryIndicators> c = countries(
                Networks.of("AAA>BBB=3", "AAA>CCC=1", "BBB>AAA=1", "CCC>AAA=1"));
        double a = ((1 - D) / 3 + D) / (1 + D);

        assertThat(c.get("AAA").pageRank()).isCloseTo(a, EXACT);
        assertThat(c.get("BBB").pageRank()).isCloseTo((1 - D) / 3 + D * 0.75 * a, EXACT);
        assertThat(c.get("CCC").pageRank()).isCloseTo((1 - D) / 3 + D * 0.25 * a, EXACT);
    }

    @Test
    void pageRankSumsToOneOnRandomGraph() {
        double sum = countries(Networks.random(30, 0.1, 3)).values().stream()
                .mapToDouble(CountryIndicators::pageRank).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-10));
    }

    @Test
    void betweennessOnDirectedPath() {
        // AAA->BBB->CCC: BBB lies on the only A-to-C path: 1 / ((3-1)(3-2)) = 0.5.
        SortedMap<String, CountryIndicators> c = countries(Networks.of("AAA>BBB=1", "BBB>CCC=1"));

        assertThat(c.get("BBB").betweenness()).isCloseTo(0.5, EXACT);
        assertThat(c.get("AAA").betweenness()).isZero();
        assertThat(c.get("CCC").betweenness()).isZero();
    }

    @Test
    void betweennessOfStarHubIsOne() {
        // Hub trades both ways with three leaves: it lies on all 3*2 leaf-to-leaf paths; (4-1)(4-2) = 6.
        SortedMap<String, CountryIndicators> c = countries(Networks.of("HUB>LAA=1", "LAA>HUB=1", "HUB>LBB=1",
                "LBB>HUB=1", "HUB>LCC=1", "LCC>HUB=1"));

        assertThat(c.get("HUB").betweenness()).isCloseTo(1.0, EXACT);
        assertThat(c.get("LAA").betweenness()).isZero();
    }

    @Test
    void betweennessUsesInverseWeightAsLength() {
        // AAA->CCC directly has value 1 (length 1); via BBB the values are 4 and 4 (length 0.25 + 0.25).
        // The heavy detour is shorter, so BBB mediates A-to-C: 1 / 2.
        SortedMap<String, CountryIndicators> c = countries(Networks.of("AAA>CCC=1", "AAA>BBB=4", "BBB>CCC=4"));

        assertThat(c.get("BBB").betweenness()).isCloseTo(0.5, EXACT);
    }

    @Test
    void betweennessSplitsEqualShortestPaths() {
        // AAA->BBB->DDD and AAA->CCC->DDD equally long: BBB and CCC get 1/2 each, over (4-1)(4-2) = 6.
        SortedMap<String, CountryIndicators> c = countries(
                Networks.of("AAA>BBB=1", "BBB>DDD=1", "AAA>CCC=1", "CCC>DDD=1"));

        assertThat(c.get("BBB").betweenness()).isCloseTo(1.0 / 12, EXACT);
        assertThat(c.get("CCC").betweenness()).isCloseTo(1.0 / 12, EXACT);
    }

    @Test
    void betweennessAgreesWithJGraphTOnRandomWeightedGraph() {
        TradeNetwork network = Networks.random(40, 0.15, 11);
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        network.nodes().forEach(graph::addVertex);
        for (int i = 0; i < network.size(); i++) {
            for (int j : network.successors(i)) {
                graph.setEdgeWeight(graph.addEdge(network.node(i), network.node(j)), 1.0 / network.weight(i, j));
            }
        }
        BetweennessCentrality<String, DefaultWeightedEdge> reference = new BetweennessCentrality<>(graph, true);
        SortedMap<String, CountryIndicators> c = countries(network);

        for (String node : network.nodes()) {
            assertThat(c.get(node).betweenness()).as(node).isCloseTo(reference.getVertexScore(node), within(1e-9));
        }
        assertThat(c.values().stream().mapToDouble(CountryIndicators::betweenness).max().orElseThrow()).isPositive();
    }
}
