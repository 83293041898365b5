package org.rareearth.shared.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TradeMatrixTest {

    @Test
    void sumsFlowsOverProductsOnSortedCountries() {
        TradeMatrix m = TradeMatrix.sumOf(List.of(
                new TradeFlow(2023, "USA", "CHN", "253090", 10, 1),
                new TradeFlow(2023, "USA", "CHN", "284690", 5, Double.NaN),
                new TradeFlow(2023, "CHN", "JPN", "284690", 7, 2)));
        assertThat(m.countries()).containsExactly("CHN", "JPN", "USA");
        assertThat(m.value(m.indexOf("USA"), m.indexOf("CHN"))).isEqualTo(15.0);
        assertThat(m.value(m.indexOf("CHN"), m.indexOf("JPN"))).isEqualTo(7.0);
        assertThat(m.value(m.indexOf("JPN"), m.indexOf("CHN"))).isZero();
        assertThat(m.indexOf("DEU")).isEqualTo(-1);
    }

    @Test
    void rejectsNegativeValuesNamingTheFlow() {
        assertThatThrownBy(() -> new TradeMatrix(List.of("AAA", "BBB"), new double[][] {{0, -1}, {0, 0}}))
                .hasMessageContaining("AAA->BBB");
    }
}
