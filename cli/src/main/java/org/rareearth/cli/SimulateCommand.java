package org.rareearth.cli;

import java.util.List;
import java.util.Map;
import org.rareearth.simulation.forecast.ScenarioForecast;

/** {@code simulate}: the equilibrium of one market under a scenario, for a year or a forecast path. */
final class SimulateCommand {

    static final String USAGE = """
            simulate --year Y --product HS6[,HS6...|all] [--scenario FILE] [--horizon Y2]
                     [--solver nonlinear|linear] [--data DIR] [--out FILE]
              Calibrates the Armington model to the flows of year Y and solves it with the events of the
              scenario in force in Y; with --horizon, one object per year Y..Y2 (a JSON array).""";

    private SimulateCommand() {
    }

    static Object run(List<String> argv) {
        Arguments args = Arguments.parse("simulate", argv, MarketOptions.NAMES);
        MarketOptions options = MarketOptions.from(args);
        ScenarioForecast run = options.forecaster().forecast(options.benchmark(), options.scenario(), options.lastYear());
        List<Map<String, Object>> years = run.years().stream()
                .map(y -> SimulationReport.of(options.data(), run, y))
                .toList();
        Object report = args.text("horizon").isPresent() ? years : years.get(0);
        JsonOutput.write(report, options.out(), System.out);
        return report;
    }

}
