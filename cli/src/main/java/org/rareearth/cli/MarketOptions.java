package org.rareearth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.forecast.BaseYearMarket;
import org.rareearth.simulation.forecast.ScenarioForecaster;
import org.rareearth.simulation.forecast.SolverKind;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * The options every engine command shares: which data, which year and products, which scenario,
 * how far ahead, with which solver.
 */
record MarketOptions(TradeData data, int year, List<String> products, Scenario scenario, boolean scenarioGiven,
                     int lastYear, SolverKind solver, Path out) {

    static final Set<String> NAMES = Set.of("data", "year", "product", "scenario", "horizon", "solver", "out");
    static final String DEFAULT_DATA = "data/rare-earth-demo";

    static MarketOptions from(Arguments args) {
        TradeData data = TradeData.open(dataDirectory(args));
        data.problems().forEach(p -> System.err.println("rare-earth: data row rejected: " + p));
        Optional<Scenario> scenario = args.text("scenario").map(f -> data.readScenario(Path.of(f)));
        int year = data.requireYear(args.integer("year")
                .or(() -> scenario.map(Scenario::baseYear))
                .orElseThrow(() -> new UsageException("option --year is required (or a --scenario with a baseYear)")));
        List<String> products = data.products(args.text("product")
                .or(() -> scenario.filter(s -> !s.products().isEmpty()).map(s -> String.join(",", s.products())))
                .orElseThrow(() -> new UsageException("option --product is required (or a --scenario with products)")));
        int lastYear = args.integer("horizon").orElse(year);
        if (lastYear < year) {
            throw new UsageException("--horizon " + lastYear + " is before the base year " + year);
        }
        SolverKind solver = args.text("solver").map(MarketOptions::parseSolver).orElse(SolverKind.NONLINEAR);
        Scenario chosen = scenario.orElseGet(() -> Scenario.baseline(year, lastYear, products));
        return new MarketOptions(data, year, products, chosen, scenario.isPresent(), lastYear, solver,
                args.text("out").map(Path::of).orElse(null));
    }

    static SolverKind parseSolver(String text) {
        try {
            return SolverKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--solver must be nonlinear or linear, was '" + text + "'");
        }
    }

    static Path dataDirectory(Arguments args) {
        return args.text("data").map(Path::of).orElseGet(() -> home().resolve(DEFAULT_DATA));
    }

    /** The project directory when started by ./rare-earth, else the working directory. */
    static Path home() {
        String home = System.getenv("RARE_EARTH_HOME");
        return home == null || home.isBlank() ? Path.of("") : Path.of(home);
    }

    BaseYearMarket benchmark() {
        return data.market(year, products);
    }

    /** The engine that solves a scenario with the chosen solver. */
    ScenarioForecaster forecaster() {
        return new ScenarioForecaster(solver, SolverSettings.DEFAULTS);
    }

    /**
     * The reference a scenario is compared with (MODEL.md 6): the same path without its policy
     * events. Demand and capacity shifts are market developments, not policy, so they stay.
     */
    Scenario baseline() {
        return ScenarioForecaster.baselineOf(scenario);
    }
}
