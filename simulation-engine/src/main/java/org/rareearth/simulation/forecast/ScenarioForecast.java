package org.rareearth.simulation.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.policy.ScenarioPolicy;

/**
 * One scenario solved on one market, from the base year to the last year asked for (made by
 * {@link ScenarioForecaster}). Every year in {@link #years()} is a solved equilibrium: the path
 * throws instead of returning one that is not.
 */
public record ScenarioForecast(BaseYearMarket benchmark, Scenario scenario, SolverKind solver, ArmingtonMarket market,
                               ScenarioPolicy policy, List<YearOutcome> years) {

    public ScenarioForecast {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(market, "market");
        years = List.copyOf(years);
        if (years.isEmpty()) {
            throw new IllegalArgumentException("a forecast has at least its base year");
        }
    }

    public YearOutcome last() {
        return years.get(years.size() - 1);
    }

    /** The simulated flows of one year at world prices (MODEL.md 12), as a matrix the network engine reads. */
    public TradeMatrix flows(YearOutcome year) {
        Equilibrium eq = year.equilibrium();
        int n = market.size();
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = eq.value(i, j);
            }
        }
        return new TradeMatrix(market.countries(), v);
    }

    /** One year as results report it: by country, with numbers that are not finite as {@code null}. */
    public YearSolution solution(YearOutcome year) {
        ArmingtonMarket m = market;
        Equilibrium eq = year.equilibrium();
        int n = m.size();
        List<String> unserved = new ArrayList<>();
        Map<String, Double> rents = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (eq.unserved()[i]) {
                unserved.add(m.country(i));
            }
            if (eq.quotaRentRate()[i] > 0) {
                rents.put(m.country(i), eq.quotaRentRate()[i]);
            }
        }
        TradeMatrix observed = benchmark.values();
        List<YearSolution.Flow> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double base = observed.value(i, j);
                if (base > 0) {
                    flows.add(new YearSolution.Flow(m.country(i), m.country(j), base, YearSolution.number(eq.value(i, j))));
                }
            }
        }
        CountryWelfare[] welfare = year.welfare();
        Map<String, YearSolution.Welfare> welfareByCountry = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            welfareByCountry.put(m.country(i), YearSolution.Welfare.of(welfare[i]));
        }
        MarketElasticities used = m.elasticities();
        return new YearSolution(year.year(), scenario.name(), solver.label(), eq.iterations(), eq.maxResidual(),
                byCountry(eq.worldPrices()), byCountry(eq.compositePrices()), byCountry(eq.compositeDemand()),
                unserved, rents, flows, welfareByCountry,
                byCountry(used.sigma()), byCountry(used.eta()), byCountry(used.eps()),
                year.eventsInForce(), policy.warnings(year.year()));
    }

    private Map<String, Double> byCountry(double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < market.size(); i++) {
            out.put(market.country(i), YearSolution.number(values[i]));
        }
        return out;
    }
}
