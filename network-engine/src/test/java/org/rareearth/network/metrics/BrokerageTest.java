package org.rareearth.network.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rareearth.network.model.TradeNetwork;

class BrokerageTest {

    /*
     * CHN -> USA directly 100. Via JPN: min(10, 4) = 4. Via KOR: min(2, 8) = 2. Via VNM: min(5, 0) = 0
     * (VNM does not sell to USA). Reverse trade USA -> MEX -> CHN does not count. Two-step total 6.
     */
    private static TradeNetwork network() {
        return Networks.of("CHN>USA=100", "CHN>JPN=10", "JPN>USA=4", "CHN>KOR=2", "KOR>USA=8", "CHN>VNM=5",
                "USA>MEX=50", "MEX>CHN=50", "USA>CHN=30");
    }

    @Test
    void twoStepFlowsAreSharedOutAndDirectFlowIsSeparate() {
        Brokerage b = Brokerage.between(network(), "CHN", "USA");

        assertThat(b.from()).isEqualTo("CHN");
        assertThat(b.to()).isEqualTo("USA");
        assertThat(b.direct()).isEqualTo(100);
        assertThat(b.totalTwoStep()).isEqualTo(6);
        assertThat(b.brokers()).extracting(Broker::country).containsExactly("JPN", "KOR");
        assertThat(b.brokers().get(0).flow()).isEqualTo(4);
        assertThat(b.brokers().get(0).share()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(b.brokers().get(1).share()).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void directionMatters() {
        // USA -> CHN: via MEX min(50, 50) = 50; direct 30.
        Brokerage b = Brokerage.between(network(), "USA", "CHN");

        assertThat(b.direct()).isEqualTo(30);
        assertThat(b.brokers()).extracting(Broker::country).containsExactly("MEX");
        assertThat(b.brokers().get(0).share()).isEqualTo(1.0);
    }

    @Test
    void equalSharesAreInIso3Order() {
        Brokerage b = Brokerage.between(Networks.of("AAA>ZZZ=1", "ZZZ>BBB=1", "AAA>MMM=1", "MMM>BBB=1"), "AAA",
                "BBB");

        assertThat(b.brokers()).extracting(Broker::country).containsExactly("MMM", "ZZZ");
        assertThat(b.direct()).isZero();
    }

    @Test
    void unknownCountryIsRejectedByName() {
        assertThatThrownBy(() -> Brokerage.between(network(), "CHN", "FRA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FRA");
        assertThatThrownBy(() -> Brokerage.between(network(), "XXX", "USA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XXX");
    }
}
