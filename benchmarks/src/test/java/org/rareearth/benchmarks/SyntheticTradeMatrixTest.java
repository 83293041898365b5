package org.rareearth.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeMatrix;

class SyntheticTradeMatrixTest {

    @Test
    void sameSeedGivesTheSameMatrixAndAnotherSeedAnother() {
        assertThat(SyntheticTradeMatrix.generate(50, 0.3, 7)).isEqualTo(SyntheticTradeMatrix.generate(50, 0.3, 7));
        assertThat(SyntheticTradeMatrix.generate(50, 0.3, 7)).isNotEqualTo(SyntheticTradeMatrix.generate(50, 0.3, 8));
    }

    @Test
    void aboutTheRequestedShareOfPairsTradesAndEveryCountryExportsAndImports() {
        TradeMatrix m = SyntheticTradeMatrix.generate(250, 0.3, 42);
        assertThat(m.size()).isEqualTo(250);
        // 62,250 Bernoulli(0.3) draws: the standard deviation of the share is about 0.002.
        assertThat(SyntheticTradeMatrix.pairShare(m)).isCloseTo(0.3, within(0.01));
        for (int i = 0; i < m.size(); i++) {
            double exports = 0;
            double imports = 0;
            for (int j = 0; j < m.size(); j++) {
                exports += m.value(i, j);
                imports += m.value(j, i);
            }
            assertThat(exports).as("exports of %s", m.country(i)).isPositive();
            assertThat(imports).as("imports of %s", m.country(i)).isPositive();
            assertThat(m.value(i, i)).isZero();
        }
    }

    @Test
    void namesAreDistinctThreeLetterCodes() {
        assertThat(SyntheticTradeMatrix.names(300)).doesNotHaveDuplicates().allMatch(s -> s.matches("[A-Z]{3}"));
    }
}
