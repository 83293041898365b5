package org.rareearth.simulation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.CountrySet;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.PolicyEvent.DemandShift;
import org.rareearth.shared.scenario.PolicyEvent.Tariff;
import org.rareearth.shared.scenario.RateMode;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * The one scenario wiring, checked against a market solved by hand. With perfectly elastic supply
 * ({@code eps = +inf}) every world price stays 1 (MODEL.md 3), so the equilibrium is closed form:
 * only the CES demand side of the importer moves.
 */
class ScenarioForecasterTest {

    private static final String MAGNETS = "850511";
    private static final int BASE = 2023;
    /** CHN ships 100 to USA; USA supplies itself 50 (thousand USD). */
    private static final TradeMatrix V0 = new TradeMatrix(List.of("CHN", "USA"), new double[][] {{0, 100}, {0, 50}});
    private static final double T0 = 0.1;
    private static final double T1 = 0.3;
    private static final double DEMAND_FACTOR = 1.2;
    private static final double SIGMA = 2;
    private static final double ETA = -0.5;
    private static final Elasticities ELASTIC_SUPPLY = new Elasticities(SIGMA, ETA, Double.POSITIVE_INFINITY, List.of());

    private static BaseYearMarket market() {
        return BaseYearMarket.ofProduct(BASE, MAGNETS, V0, (i, j) -> T0);
    }

    private static Scenario tariffScenario() {
        List<PolicyEvent> events = List.of(
                new Tariff(2024, CountrySet.of("CHN"), CountrySet.of("USA"), T1, RateMode.SET, null),
                new DemandShift(2024, CountrySet.of("USA"), DEMAND_FACTOR, null, null));
        return new Scenario("tariff", BASE, 2024, List.of(MAGNETS), ELASTIC_SUPPLY, Map.of(), events, null);
    }

    @Test
    void aTariffOnPerfectlyElasticSupplyMovesOnlyTheImportersCesPrice() {
        ScenarioForecast forecast = ScenarioForecaster.newton().forecast(market(), tariffScenario(), 2024);

        assertThat(forecast.years()).extracting(YearOutcome::year).containsExactly(2023, 2024);
        YearSolution y2024 = forecast.solution(forecast.last());

        // by hand (MODEL.md 2 and 3): E0 = 1.1*100 + 50 = 160; beta = theta0 * P0^(sigma-1)
        double a = 160;
        double betaChn = 110.0 / 160 * 1.1;
        double betaUsa = 50.0 / 160;
        double pc = 1 / (betaChn / (1 + T1) + betaUsa);                      // (sum beta P^(1-sigma))^(1/(1-sigma))
        double qc = a * DEMAND_FACTOR * Math.pow(pc, ETA);
        double qChnUsa = betaChn * Math.pow(pc / (1 + T1), SIGMA) * qc;
        double qUsaUsa = betaUsa * Math.pow(pc, SIGMA) * qc;

        assertThat(y2024.worldPrices()).containsEntry("CHN", 1.0).containsEntry("USA", 1.0);
        assertThat(y2024.compositePrices().get("USA")).isCloseTo(pc, within(1e-12));
        // CHN has no benchmark demand: its composite price is undefined, reported as null
        assertThat(y2024.compositePrices()).containsEntry("CHN", null);
        assertThat(y2024.compositeDemand().get("USA")).isCloseTo(qc, within(1e-9));
        assertThat(y2024.flows()).extracting(YearSolution.Flow::exporter, YearSolution.Flow::importer,
                YearSolution.Flow::observed).containsExactly(
                tuple("CHN", "USA", 100.0),
                tuple("USA", "USA", 50.0));
        assertThat(y2024.flows().get(0).value()).isCloseTo(qChnUsa, within(1e-9));
        assertThat(y2024.flows().get(1).value()).isCloseTo(qUsaUsa, within(1e-9));

        // MODEL.md 4: tariff revenue against the benchmark's, consumer surplus with the shifted A
        YearSolution.Welfare usa = y2024.welfare().get("USA");
        double tariffRevenue = T1 * qChnUsa - T0 * 100;
        double consumerSurplus = -a * DEMAND_FACTOR / (ETA + 1) * (Math.pow(pc, ETA + 1) - 1);
        assertThat(usa.tariffRevenue()).isCloseTo(tariffRevenue, within(1e-9));
        assertThat(usa.consumerSurplus()).isCloseTo(consumerSurplus, within(1e-9));
        assertThat(usa.producerSurplus()).isZero();
        assertThat(usa.net()).isCloseTo(tariffRevenue + consumerSurplus, within(1e-9));

        assertThat(y2024.scenarioName()).isEqualTo("tariff");
        assertThat(y2024.solver()).isEqualTo("nonlinear");
        assertThat(y2024.eps()).containsEntry("CHN", null).containsEntry("USA", null);
        assertThat(y2024.sigma()).containsEntry("USA", SIGMA);
        assertThat(y2024.eventsInForce()).hasSize(2);
    }

    @Test
    void theBaselineKeepsTheDemandShiftAndDropsTheTariff() {
        Scenario baseline = ScenarioForecaster.baselineOf(tariffScenario());
        assertThat(baseline.name()).isEqualTo("baseline of tariff");
        assertThat(baseline.events()).singleElement().isInstanceOf(DemandShift.class);

        ScenarioForecast forecast = ScenarioForecaster.newton().forecast(market(), baseline, 2024);

        // benchmark prices, demand 1.2-fold: every flow 1.2-fold
        YearSolution y2024 = forecast.solution(forecast.last());
        assertThat(y2024.compositePrices().get("USA")).isCloseTo(1.0, within(1e-12));
        assertThat(y2024.flows().get(0).value()).isCloseTo(120.0, within(1e-9));
        assertThat(y2024.flows().get(1).value()).isCloseTo(60.0, within(1e-9));
        // the base year reproduces the observed flows
        YearSolution y2023 = forecast.solution(forecast.years().get(0));
        assertThat(y2023.flows()).allSatisfy(f -> assertThat(f.value()).isCloseTo(f.observed(), within(1e-9)));
    }

    @Test
    void theLinearSolverAgreesToFirstOrderAndSaysSo() {
        ScenarioForecaster linear = new ScenarioForecaster(SolverKind.LINEAR, SolverSettings.DEFAULTS);
        Scenario small = new Scenario("small", BASE, 2024, List.of(MAGNETS), Elasticities.DEFAULTS, Map.of(),
                List.of(new Tariff(2024, CountrySet.of("CHN"), CountrySet.of("USA"), T0 + 1e-4, RateMode.SET, null)),
                null);

        YearSolution lin = lastYear(linear, small);
        YearSolution exact = lastYear(ScenarioForecaster.newton(), small);

        assertThat(lin.solver()).isEqualTo("linear");
        assertThat(lin.worldPrices().get("CHN")).isLessThan(1.0)
                .isCloseTo(exact.worldPrices().get("CHN"), within(1e-7));
    }

    private static YearSolution lastYear(ScenarioForecaster forecaster, Scenario scenario) {
        ScenarioForecast forecast = forecaster.forecast(market(), scenario, 2024);
        return forecast.solution(forecast.last());
    }

    @Test
    void theBenchmarkTariffIsSetOnTradedForeignPairsOnly() {
        PolicyState policy = BaseYearMarket.ofProduct(BASE, MAGNETS, V0, (i, j) -> 0.5).policy();

        assertThat(policy.tariff(0, 1)).isEqualTo(0.5);  // CHN -> USA trades
        assertThat(policy.tariff(1, 0)).isZero();        // USA -> CHN does not
        assertThat(policy.tariff(1, 1)).isZero();        // domestic shipments carry no tariff
    }

    @Test
    void aMarketWithoutForeignTradeIsRefused() {
        TradeMatrix domestic = new TradeMatrix(List.of("CHN", "USA"), new double[][] {{30, 0}, {0, 50}});
        BaseYearMarket market = BaseYearMarket.ofProduct(BASE, MAGNETS, domestic, (i, j) -> 0);

        assertThatThrownBy(() -> ScenarioForecaster.newton().forecast(market, tariffScenario(), 2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no foreign trade in 2023 to calibrate on");
    }
}
