package org.rareearth.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeMatrix;

class ArmingtonMarketTest {

    private static final List<String> THREE = List.of("AAA", "BBB", "CCC");
    private static final double[][] V0 = {{10, 5, 0}, {2, 20, 4}, {6, 1, 0}};

    @Test
    void calibrationFollowsModelSection2() {
        // MODEL.md 2 with tau0[0][1] = 1.1 (tariff) * 1.2 (export tax), tau0[2][1] = 1.05 (NTB):
        //   E0[BBB] = 1.32*5 + 20 + 1.05*1 = 27.65 = A[BBB]
        //   theta0[AAA][BBB] = 6.6/27.65, beta = theta0 * 1.32^(sigma-1)
        //   K[BBB] = 2 + 20 + 4 = 26;  CCC buys only from BBB: A[CCC] = 4;  CCC has no domestic shipments
        PolicyState benchmark = PolicyState.free(3);
        benchmark.setTariff(0, 1, 0.1);
        benchmark.setExportTax(0, 1, 0.2);
        benchmark.setNtb(2, 1, 0.05);
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(THREE, V0), benchmark,
                MarketElasticities.uniform(3, 3, -0.5, 2));

        assertThat(m.size()).isEqualTo(3);
        assertThat(m.countries()).isEqualTo(THREE);
        assertThat(m.country(1)).isEqualTo("BBB");
        assertThat(m.demandScaleA(1)).isCloseTo(27.65, within(1e-12));
        assertThat(m.demandScaleA(2)).isEqualTo(4);
        assertThat(m.benchmarkExpenditureShare(1, 2)).isEqualTo(1);
        assertThat(m.supplyScaleK(1)).isEqualTo(26);
        assertThat(m.benchmarkQuantity(0, 1)).isEqualTo(5);
        assertThat(m.benchmarkExpenditureShare(0, 1)).isCloseTo(6.6 / 27.65, within(1e-15));
        assertThat(m.cesWeight(0, 1)).isCloseTo(6.6 / 27.65 * 1.32 * 1.32, within(1e-15));
        assertThat(m.cesWeight(0, 2)).isZero();
        // benchmark composite price PC0 = (sum beta tau0^(1-sigma))^(1/(1-sigma)) = 1 in every served market
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += m.cesWeight(i, j) * Math.pow(benchmark.wedge(i, j), 1 - 3);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-14));
        }
    }

    @Test
    void theBenchmarkPolicyIsACopy() {
        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(THREE, V0), PolicyState.free(3),
                MarketElasticities.uniform(3, 3, -0.5, 2));

        m.benchmarkPolicy().setTariff(0, 1, 0.5);

        assertThat(m.benchmarkPolicy().tariff(0, 1)).isZero();
    }

    @Test
    void inconsistentInputIsRejectedWithAClearMessage() {
        TradeMatrix v = new TradeMatrix(THREE, V0);
        PolicyState free = PolicyState.free(3);
        MarketElasticities ok = MarketElasticities.uniform(3, 3, -0.5, 2);

        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, PolicyState.free(2), ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizes differ");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(4, 3, -0.5, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizes differ");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, 1, -0.5, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma of AAA");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, 0, -0.5, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, Double.NaN, -0.5, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, 3, 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, 3, 0.5, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free,
                new MarketElasticities(new double[] {3, 3, 3}, new double[] {-1, -1, -1}, new double[] {2, -0.1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eps of BBB");
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, free, MarketElasticities.uniform(3, 3, -0.5, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eps");
        assertThatThrownBy(() -> new TradeMatrix(THREE, new double[][] {{1, -1, 0}, {0, 0, 0}, {0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");

        PolicyState embargo = PolicyState.free(3);
        embargo.setEmbargoed(1, 2, true);
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, embargo, ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BBB->CCC is embargoed");
        PolicyState quota = PolicyState.free(3);
        quota.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.9));
        assertThatThrownBy(() -> ArmingtonMarket.calibrate(v, quota, ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quota");
    }

    @Test
    void anEmbargoOnAPairWithoutTradeIsAcceptedAndPerfectlyElasticSupplyIsAllowed() {
        PolicyState embargo = PolicyState.free(3);
        embargo.setEmbargoed(0, 2, true);     // AAA -> CCC has no benchmark trade

        ArmingtonMarket m = ArmingtonMarket.calibrate(new TradeMatrix(THREE, V0), embargo,
                MarketElasticities.uniform(3, 0.5, -2, Double.POSITIVE_INFINITY));

        assertThat(m.benchmarkPolicy().embargoed(0, 2)).isTrue();
        assertThat(m.eps(0)).isInfinite();
    }
}
