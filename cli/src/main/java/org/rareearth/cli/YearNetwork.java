package org.rareearth.cli;

import java.util.ArrayList;
import java.util.List;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.forecast.BaseYearMarket;
import org.rareearth.simulation.forecast.ScenarioForecast;
import org.rareearth.simulation.forecast.YearOutcome;

/** The trade network of one year, observed or simulated, with what it was built from. */
record YearNetwork(NetworkContext context, TradeNetwork network, ScenarioForecast run, YearOutcome outcome) {

    /** Observed networks of the data years from the base year to the last year asked for. */
    static List<YearNetwork> observed(MarketOptions options, double threshold) {
        if (!options.data().dataset().years().contains(options.lastYear())) {
            throw new UsageException("--horizon " + options.lastYear() + ": observed networks exist only for the data years "
                    + options.data().dataset().years() + "; add --scenario for a simulated path");
        }
        List<YearNetwork> out = new ArrayList<>();
        for (int year = options.year(); year <= options.lastYear(); year++) {
            options.data().requireYear(year);
            BaseYearMarket market = options.data().market(year, options.products());
            NetworkContext context = new NetworkContext(options.data().notice(), NetworkContext.OBSERVED, null, year,
                    market, threshold);
            out.add(new YearNetwork(context, TradeNetwork.build(market.values(), threshold), null, null));
        }
        return out;
    }

    /** Networks of the flows simulated under {@code scenario}, one per year of its forecast path. */
    static List<YearNetwork> simulated(MarketOptions options, Scenario scenario, double threshold) {
        BaseYearMarket market = options.benchmark();
        ScenarioForecast run = options.forecaster().forecast(market, scenario, options.lastYear());
        List<YearNetwork> out = new ArrayList<>();
        for (YearOutcome year : run.years()) {
            NetworkContext context = new NetworkContext(options.data().notice(), NetworkContext.SIMULATED,
                    scenario.name(), year.year(), market, threshold);
            out.add(new YearNetwork(context, TradeNetwork.build(run.flows(year), threshold), run, year));
        }
        return out;
    }
}
