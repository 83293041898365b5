package org.rareearth.network.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.trade.TradeMatrix;

class NetworkComparisonTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private final NetworkAnalyzer analyzer = new NetworkAnalyzer();

    private NetworkComparison compare(TradeNetwork baseline, TradeNetwork scenario) {
        return NetworkComparison.between(analyzer.analyze(baseline), baseline, analyzer.analyze(scenario), scenario);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void identicalNetworksAreIdentical() {
        TradeNetwork network = Networks.random(40, 0.1, 5);
        NetworkComparison c = compare(network, Networks.random(40, 0.1, 5));

        assertThat(c.nmi()).isCloseTo(1.0, EXACT);
        assertThat(c.ari()).isCloseTo(1.0, EXACT);
        assertThat(c.jensenShannon()).isCloseTo(0.0, EXACT);
        assertThat(c.edgeJaccard()).isEqualTo(1.0);
        assertThat(c.indicatorChanges()).hasSize(15).allSatisfy((name, change) -> assertThat(change).isZero());
    }

    @Test
    void indicatorChangesAreScenarioMinusBaselineAndNullSafe() {
        TradeNetwork baseline = Networks.of("AAA>BBB=1", "BBB>CCC=1");
        TradeNetwork scenario = Networks.of("AAA>BBB=1", "BBB>CCC=1", "CCC>AAA=1", "AAA>CCC=1");
        NetworkComparison c = compare(baseline, scenario);

        assertThat(c.indicatorChanges().get("edges")).isEqualTo(2.0);
        // Baseline pairs A>B 1, B>C 1, A>C 2: 4/3. Scenario all six ordered pairs: A>B 1, A>C 1, B>C 1, B>A 2,
        // C>A 1, C>B 2 -> 8/6. Change 0.
        assertThat(c.indicatorChanges().get("avgPathLength")).isCloseTo(0.0, EXACT);
        assertThat(c.indicatorChanges().get("density")).isCloseTo(4.0 / 6 - 2.0 / 6, EXACT);
        // Jaccard: 2 common of 4 directed edges.
        assertThat(c.edgeJaccard()).isCloseTo(0.5, EXACT);

        TradeNetwork empty = TradeNetwork.build(new TradeMatrix(List.of("AAA", "BBB"), new double[][] {{0, 1}, {0, 0}}), 1);
        assertThat(compare(baseline, empty).indicatorChanges()).containsEntry("avgPathLength", null)
                .containsEntry("diameter", null).containsEntry("nodes", -1.0);
    }

    @Test
    void disjointEdgeSetsHaveMaximalDivergence() {
        NetworkComparison c = compare(Networks.of("AAA>BBB=3", "BBB>CCC=1"), Networks.of("BBB>AAA=3", "CCC>BBB=1"));

        assertThat(c.jensenShannon()).isCloseTo(1.0, EXACT);
        assertThat(c.edgeJaccard()).isZero();
    }

    @Test
    void jensenShannonByHand() {
        // P = {A>B 1/2, A>C 1/2}, Q = {A>B 1}; M = {3/4, 1/4}.
        // JS = 1/2 [1/2 log2(2/3) + 1/2 log2(2)] + 1/2 [log2(4/3)].
        NetworkComparison c = compare(Networks.of("AAA>BBB=5", "AAA>CCC=5"),
                Networks.of("AAA>BBB=7", "CCC>AAA=0"));
        double expected = 0.5 * (0.5 * log2(2.0 / 3) + 0.5 * log2(2)) + 0.5 * log2(4.0 / 3);

        assertThat(c.jensenShannon()).isCloseTo(expected, EXACT);
    }

    @Test
    void nmiAndAriByHandOverCommonNodes() {
        // First {A,B},{C,D} (+ EEE, which the second lacks and is ignored); second {A,B,C},{D}. N = 4.
        // Contingency: (AB|ABC) 2, (CD|ABC) 1, (CD|D) 1; sizes first 2,2; second 3,1.
        // I = 2/4 ln(4*2/(2*3)) + 1/4 ln(4/(2*3)) + 1/4 ln(4/(2*1)); H1 = ln 2; H2 = -(3/4 ln 3/4 + 1/4 ln 1/4).
        // ARI: index = C(2,2) = 1; sum C(a,2) = 2; sum C(b,2) = 3; expected 2*3/C(4,2) = 1; max 5/2 -> 0.
        Partition first = Partition.of(Map.of("AAA", 0, "BBB", 0, "CCC", 1, "DDD", 1, "EEE", 2), 0);
        Partition second = Partition.of(Map.of("AAA", 0, "BBB", 0, "CCC", 0, "DDD", 1), 0);
        PartitionSimilarity s = PartitionSimilarity.of(first, second);

        double mutual = 0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
        double h1 = Math.log(2);
        double h2 = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertThat(s.nmi()).isCloseTo(2 * mutual / (h1 + h2), EXACT);
        assertThat(s.ari()).isCloseTo(0.0, EXACT);
    }

    @Test
    void ariByHandWhenPartitionsAgreeMoreThanChance() {
        // First {A,B,C},{D,E,F}; second {A,B},{C},{D,E,F}. N = 6.
        // index = C(2,2) + C(3,2) = 4; sum C(a,2) = 3 + 3 = 6; sum C(b,2) = 1 + 3 = 4; C(6,2) = 15.
        // expected = 24/15 = 1.6; max = 5 -> ARI = 2.4 / 3.4.
        Partition first = Partition.of(Map.of("AAA", 0, "BBB", 0, "CCC", 0, "DDD", 1, "EEE", 1, "FFF", 1), 0);
        Partition second = Partition.of(Map.of("AAA", 0, "BBB", 0, "CCC", 1, "DDD", 2, "EEE", 2, "FFF", 2), 0);

        assertThat(PartitionSimilarity.of(first, second).ari()).isCloseTo(2.4 / 3.4, EXACT);
    }

    @Test
    void trivialPartitionsAreIdentical() {
        Partition allTogether = Partition.of(Map.of("AAA", 0, "BBB", 0, "CCC", 0), 0);
        Partition allTogetherToo = Partition.of(Map.of("AAA", 4, "BBB", 4, "CCC", 4, "DDD", 5), 0);
        PartitionSimilarity s = PartitionSimilarity.of(allTogether, allTogetherToo);

        assertThat(s.nmi()).isEqualTo(1.0);
        assertThat(s.ari()).isEqualTo(1.0);
    }
}
