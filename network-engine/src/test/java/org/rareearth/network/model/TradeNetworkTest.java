package org.rareearth.network.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeMatrix;

class TradeNetworkTest {

    // Countries deliberately not in ISO3 order; DOM trades only with itself (diagonal).
    private static final List<String> COUNTRIES = List.of("ZAF", "CHN", "USA", "DOM", "JPN");

    private static TradeMatrix matrix() {
        double[][] v = new double[5][5];
        v[1][2] = 5;   // CHN -> USA, above a threshold of 1
        v[2][1] = 1;   // USA -> CHN, exactly at the threshold
        v[0][1] = 0.5; // ZAF -> CHN, below it
        v[3][3] = 99;  // DOM domestic shipments only
        v[4][4] = 7;   // JPN domestic ...
        v[4][1] = 2;   // ... and JPN -> CHN
        v[1][1] = 1000; // CHN domestic: never an edge
        return new TradeMatrix(COUNTRIES, v);
    }

    @Test
    void nodesAreCountriesWithForeignTradeInIso3Order() {
        TradeNetwork network = TradeNetwork.build(matrix(), 0);

        assertThat(network.nodes()).containsExactly("CHN", "JPN", "USA", "ZAF");
        assertThat(network.edgeCount()).isEqualTo(4);
        assertThat(network.weight("CHN", "CHN")).isZero();
        assertThat(network.weight("CHN", "USA")).isEqualTo(5);
        assertThat(network.threshold()).isZero();
    }

    @Test
    void thresholdKeepsOnlyFlowsStrictlyAboveButKeepsTheNodes() {
        TradeNetwork network = TradeNetwork.build(matrix(), 1.0);

        // USA->CHN = 1 is not strictly above 1, ZAF->CHN = 0.5 is below: only CHN->USA and JPN->CHN remain.
        assertThat(network.edgeCount()).isEqualTo(2);
        assertThat(network.weight("USA", "CHN")).isZero();
        assertThat(network.weight("JPN", "CHN")).isEqualTo(2);
        // ZAF trades only below the threshold but had foreign trade before it: still a node, isolated.
        assertThat(network.nodes()).containsExactly("CHN", "JPN", "USA", "ZAF");
        int zaf = network.indexOf("ZAF");
        assertThat(network.neighbours(zaf)).isEmpty();
        assertThat(network.threshold()).isEqualTo(1.0);
    }

    @Test
    void projectionAddsBothDirections() {
        TradeNetwork network = TradeNetwork.build(matrix(), 0);
        int chn = network.indexOf("CHN");
        int usa = network.indexOf("USA");

        assertThat(network.projectedWeight(chn, usa)).isEqualTo(6);
        assertThat(network.projectedWeight(usa, chn)).isEqualTo(6);
        assertThat(network.totalWeight()).isEqualTo(5 + 1 + 0.5 + 2);
        assertThat(network.outStrength(chn)).isEqualTo(5);
        assertThat(network.inStrength(chn)).isEqualTo(3.5);
    }

    @Test
    void unknownCountriesWeighNothing() {
        TradeNetwork network = TradeNetwork.build(matrix(), 0);

        assertThat(network.weight("DOM", "CHN")).isZero();
        assertThat(network.indexOf("DOM")).isEqualTo(-1);
    }

    @Test
    void negativeOrNonFiniteThresholdIsRejected() {
        assertThatThrownBy(() -> TradeNetwork.build(matrix(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> TradeNetwork.build(matrix(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
