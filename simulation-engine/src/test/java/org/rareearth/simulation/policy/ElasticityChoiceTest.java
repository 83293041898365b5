package org.rareearth.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.shared.scenario.ElasticityOverride;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.MarketElasticities;

class ElasticityChoiceTest {

    private static final String MAGNETS = "850511";
    private static final String COMPOUNDS = "284690";
    private static final List<String> COUNTRIES = List.of("CHN", "DEU", "USA");

    @Test
    void defaultsForEveryCountry() {
        MarketElasticities e = ElasticityChoice.forProduct(Elasticities.DEFAULTS, COUNTRIES, MAGNETS);

        assertThat(e.sigma()).containsExactly(4, 4, 4);
        assertThat(e.eta()).containsExactly(-0.5, -0.5, -0.5);
        assertThat(e.eps()).containsExactly(2, 2, 2);
    }

    @Test
    void productOverrideAppliesToThatProductOnly() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(new ElasticityOverride(MAGNETS, null, 3.0, null, null)));

        assertThat(ElasticityChoice.forProduct(el, COUNTRIES, MAGNETS).sigma()).containsExactly(3, 3, 3);
        assertThat(ElasticityChoice.forProduct(el, COUNTRIES, MAGNETS).eta()).containsExactly(-0.5, -0.5, -0.5);
        assertThat(ElasticityChoice.forProduct(el, COUNTRIES, COMPOUNDS).sigma()).containsExactly(4, 4, 4);
    }

    @Test
    void countryOverrideSetsThatCountrysImporterAndExporterValues() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(
                new ElasticityOverride(null, "USA", null, -0.8, null),
                new ElasticityOverride(null, "CHN", 2.5, null, 1.0)));

        MarketElasticities e = ElasticityChoice.forProduct(el, COUNTRIES, MAGNETS);

        assertThat(e.sigma()).containsExactly(2.5, 4, 4);     // sigma of CHN as an importing market
        assertThat(e.eta()).containsExactly(-0.5, -0.5, -0.8);
        assertThat(e.eps()).containsExactly(1, 2, 2);         // eps of CHN as an exporter
    }

    @Test
    void theMostSpecificOverrideWins() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(
                new ElasticityOverride(null, "USA", 5.0, null, null),
                new ElasticityOverride(MAGNETS, "USA", 6.0, null, null),
                new ElasticityOverride(MAGNETS, null, 3.0, null, Double.POSITIVE_INFINITY)));

        MarketElasticities magnets = ElasticityChoice.forProduct(el, COUNTRIES, MAGNETS);
        MarketElasticities compounds = ElasticityChoice.forProduct(el, COUNTRIES, COMPOUNDS);

        assertThat(magnets.sigma()).containsExactly(3, 3, 6);
        assertThat(magnets.eps()).containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY);
        assertThat(compounds.sigma()).containsExactly(4, 4, 5);
        assertThat(compounds.eps()).containsExactly(2, 2, 2);
    }

    @Test
    void anAggregateTakesTheTradeWeightedMeanPerCountry() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(
                new ElasticityOverride(MAGNETS, null, 3.0, -1.0, null),
                new ElasticityOverride(COMPOUNDS, "USA", 8.0, null, 0.0)));

        // COMPOUNDS weighs 3, MAGNETS 1
        MarketElasticities e = ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS), new double[] {300, 100});

        assertThat(e.sigma()[0]).isCloseTo(0.75 * 4 + 0.25 * 3, within(1e-12));
        assertThat(e.sigma()[1]).isCloseTo(3.75, within(1e-12));
        assertThat(e.sigma()[2]).isCloseTo(0.75 * 8 + 0.25 * 3, within(1e-12));
        assertThat(e.eta()[0]).isCloseTo(0.75 * -0.5 + 0.25 * -1.0, within(1e-12));
        assertThat(e.eps()[0]).isEqualTo(2.0);
        assertThat(e.eps()[2]).isCloseTo(0.25 * 2, within(1e-12));
    }

    @Test
    void equalValuesAverageExactlyAndZeroWeightsDoNotCount() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(
                new ElasticityOverride(MAGNETS, "CHN", null, null, Double.POSITIVE_INFINITY)));

        MarketElasticities e = ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS), new double[] {0.3, 0.0});

        assertThat(e.sigma()).containsExactly(4, 4, 4);
        assertThat(e.eps()).containsExactly(2, 2, 2);   // MAGNETS weighs nothing: its infinite eps is not used

        MarketElasticities weighted = ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS),
                new double[] {0.3, 0.7});
        assertThat(weighted.sigma()).containsExactly(4, 4, 4);
        assertThat(weighted.eps()).containsExactly(Double.POSITIVE_INFINITY, 2, 2);
    }

    @Test
    void unusableAggregatesAreRejected() {
        Elasticities el = new Elasticities(4, -0.5, 2, List.of(
                new ElasticityOverride(MAGNETS, null, 0.5, null, null),
                new ElasticityOverride(COMPOUNDS, null, 1.5, null, null)));

        assertThatThrownBy(() -> ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS), new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma of CHN");
        assertThatThrownBy(() -> ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS), new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zero");
        assertThatThrownBy(() -> ElasticityChoice.forProducts(el, COUNTRIES, List.of(COMPOUNDS, MAGNETS), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tradeValueCountsForeignFlowsOnly() {
        TradeMatrix m = new TradeMatrix(List.of("CHN", "USA"), new double[][] {{1000, 20}, {5, 700}});

        assertThat(ElasticityChoice.tradeValue(m)).isEqualTo(25.0);
    }
}
