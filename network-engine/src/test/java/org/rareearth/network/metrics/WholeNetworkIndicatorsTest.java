package org.rareearth.network.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.trade.TradeMatrix;

class WholeNetworkIndicatorsTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private final NetworkAnalyzer analyzer = new NetworkAnalyzer();

    /*
     * AAA->BBB, BBB->AAA, CCC->BBB, AAA->CCC, DDD->AAA (all weight 1): 4 nodes, 5 edges.
     * Undirected projection: A-B, A-C, B-C (a triangle) and A-D.
     */
    private static TradeNetwork triangleWithTail() {
        return Networks.of("AAA>BBB=1", "BBB>AAA=1", "CCC>BBB=1", "AAA>CCC=1", "DDD>AAA=1");
    }

    @Test
    void densityIsEdgesOverOrderedPairs() {
        // 5 / (4 * 3)
        assertThat(analyzer.analyze(triangleWithTail()).indicators().density()).isCloseTo(5.0 / 12, EXACT);
    }

    @Test
    void reciprocityCountsEdgesWhoseReverseExists() {
        // Only AAA->BBB and BBB->AAA are reciprocated: 2 of 5 edges.
        assertThat(analyzer.analyze(triangleWithTail()).indicators().reciprocity()).isCloseTo(2.0 / 5, EXACT);
    }

    @Test
    void clusteringIsMeanLocalCoefficientOfUnweightedProjection() {
        // A has neighbours B, C, D with one link (B-C) among 3 pairs: 1/3. B: {A, C} linked: 1. C: {A, B}: 1.
        // D has one neighbour: 0. Mean (1/3 + 1 + 1 + 0) / 4 = 7/12. Weights must not matter.
        assertThat(analyzer.analyze(triangleWithTail()).indicators().avgClustering()).isCloseTo(7.0 / 12, EXACT);
        TradeNetwork weighted = Networks.of("AAA>BBB=9", "BBB>AAA=1", "CCC>BBB=3", "AAA>CCC=0.1", "DDD>AAA=50");
        assertThat(analyzer.analyze(weighted).indicators().avgClustering()).isCloseTo(7.0 / 12, EXACT);
    }

    @Test
    void pathLengthAndDiameterOverReachableOrderedPairsOfDirectedGraph() {
        // BFS: from A: B 1, C 1. From B: A 1, C 2 (B>A>C). From C: B 1, A 2 (C>B>A). From D: A 1, B 2, C 2.
        // 9 reachable pairs (D is never reached), total 13 hops; longest 2.
        NetworkIndicators n = analyzer.analyze(triangleWithTail()).indicators();
        assertThat(n.avgPathLength()).isCloseTo(13.0 / 9, EXACT);
        assertThat(n.diameter()).isEqualTo(2);
    }

    @Test
    void degreeCentralizationUsesNeighbourCountsOfProjection() {
        // Neighbour counts A 3, B 2, C 2, D 1: sum(3 - k) = 0 + 1 + 1 + 2 = 4, over (n-1)(n-2) = 6.
        assertThat(analyzer.analyze(triangleWithTail()).indicators().degreeCentralization())
                .isCloseTo(4.0 / 6, EXACT);
    }

    @Test
    void starGraphIsFullyCentralized() {
        // Hub HUB exports to four leaves: neighbour counts 4,1,1,1,1 -> sum(4 - k) = 12 = (5-1)(5-2).
        TradeNetwork star = Networks.of("HUB>LAA=1", "HUB>LBB=2", "HUB>LCC=3", "HUB>LDD=4");
        NetworkIndicators n = analyzer.analyze(star).indicators();

        assertThat(n.degreeCentralization()).isCloseTo(1.0, EXACT);
        assertThat(n.avgClustering()).isZero();
        assertThat(n.reciprocity()).isZero();
        assertThat(n.avgPathLength()).isCloseTo(1.0, EXACT);
        assertThat(n.diameter()).isEqualTo(1);
    }

    @Test
    void exportAndImportConcentration() {
        // Exports: A 4+2 = 6, B 3, C 1, D 3; total 13. HHI = (36 + 9 + 1 + 9) / 169 = 55/169.
        // Imports: B 4, C 2+3 = 5, A 1+3 = 4, D 0. HHI = (16 + 25 + 16) / 169 = 57/169.
        // cr1 = 6/13, cr3 = (6 + 3 + 3)/13 = 12/13.
        TradeNetwork network = Networks.of("AAA>BBB=4", "AAA>CCC=2", "BBB>CCC=3", "CCC>AAA=1", "DDD>AAA=3");
        NetworkIndicators n = analyzer.analyze(network).indicators();

        assertThat(n.exportHHI()).isCloseTo(55.0 / 169, EXACT);
        assertThat(n.importHHI()).isCloseTo(57.0 / 169, EXACT);
        assertThat(n.cr1()).isCloseTo(6.0 / 13, EXACT);
        assertThat(n.cr3()).isCloseTo(12.0 / 13, EXACT);
    }

    @Test
    void networkWithoutEdgesHasNoPathLengthAndSingletonCommunities() {
        // Both flows are at or below the threshold: two isolated nodes, no edges.
        TradeMatrix matrix = new TradeMatrix(List.of("AAA", "BBB"), new double[][] {{0, 2}, {1, 0}});
        NetworkIndicators n = analyzer.analyze(TradeNetwork.build(matrix, 2)).indicators();

        assertThat(n.nodes()).isEqualTo(2);
        assertThat(n.edges()).isZero();
        assertThat(n.density()).isZero();
        assertThat(n.avgPathLength()).isNull();
        assertThat(n.diameter()).isNull();
        assertThat(n.communities()).isEqualTo(2);
        assertThat(n.modularity()).isZero();
        assertThat(n.threshold()).isEqualTo(2);
    }

    @Test
    void herfindahlLiesBetweenOneOverNodesAndOneOnRandomGraphs() {
        for (long seed = 0; seed < 20; seed++) {
            TradeNetwork network = Networks.random(15, 0.2, seed);
            NetworkIndicators n = analyzer.analyze(network).indicators();
            double floor = 1.0 / n.nodes();
            assertThat(n.exportHHI()).isBetween(floor, 1.0);
            assertThat(n.importHHI()).isBetween(floor, 1.0);
            assertThat(n.cr1()).isLessThanOrEqualTo(n.cr3()).isLessThanOrEqualTo(1.0);
            // The largest share squared is part of the sum, and the sum is at most the largest share.
            assertThat(n.exportHHI()).isBetween(n.cr1() * n.cr1(), n.cr1() + 1e-12);
        }
    }

    @Test
    void intraCommunityShareIsTradeInsideCommunities() {
        // Two cliques (weight 10 each way) joined by AAA->BBB = 1: only that edge crosses.
        TradeNetwork network = CommunityDetectorTest.twoCliques();
        NetworkIndicators n = analyzer.analyze(network).indicators();

        assertThat(n.intraCommunityShare()).isCloseTo(240.0 / 241, EXACT);
    }
}
