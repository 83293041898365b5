package org.rareearth.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.simulation.forecast.ScenarioForecast;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.forecast.YearSolution;

/** The JSON object {@code simulate} prints for one year (fields documented in docs/cli.md). */
final class SimulationReport {

    static final String VALUE_UNIT = "thousand USD at world (exporter) prices";
    static final String WELFARE_UNIT = "thousand USD, change against the calibrated base year";
    /** How the scenario document writes perfectly elastic supply ({@code eps = +inf}). */
    private static final String INFINITY = "Infinity";

    private SimulationReport() {
    }

    static Map<String, Object> of(TradeData data, ScenarioForecast run, YearOutcome year) {
        YearSolution s = run.solution(year);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataNotice", data.notice());
        out.put("scenario", s.scenarioName());
        out.put("year", s.year());
        out.put("baseYear", run.benchmark().year());
        out.put("product", run.benchmark().label());
        out.put("products", run.benchmark().products());
        out.put("solver", s.solver());
        // kept for readers of docs/cli.md: a year is reported only once solved (the forecast throws otherwise)
        out.put("converged", true);
        out.put("iterations", s.iterations());
        out.put("maxResidual", s.maxResidual());
        out.put("worldPrices", s.worldPrices());
        out.put("compositePrices", s.compositePrices());
        out.put("compositeDemand", s.compositeDemand());
        out.put("unservedMarkets", s.unservedMarkets());
        out.put("quotaRentRates", s.quotaRentRates());
        out.put("valueUnit", VALUE_UNIT);
        out.put("flows", flows(s));
        out.put("welfareUnit", WELFARE_UNIT);
        out.put("welfare", welfare(s));
        out.put("elasticities", elasticities(run.scenario().elasticities(), s));
        out.put("eventsInForce", s.eventsInForce());
        out.put("warnings", s.warnings());
        return out;
    }

    /** Every pair with benchmark trade, with its observed (calibration) value and its simulated value. */
    private static List<Map<String, Object>> flows(YearSolution s) {
        List<Map<String, Object>> flows = new ArrayList<>();
        for (YearSolution.Flow flow : s.flows()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("exporter", flow.exporter());
            f.put("importer", flow.importer());
            f.put("baseline", flow.observed());
            f.put("value", flow.value());
            flows.add(f);
        }
        return flows;
    }

    private static Map<String, Object> welfare(YearSolution s) {
        Map<String, Object> out = new LinkedHashMap<>();
        s.welfare().forEach((country, w) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("producerSurplus", w.producerSurplus());
            c.put("consumerSurplus", w.consumerSurplus());
            c.put("tariffRevenue", w.tariffRevenue());
            c.put("exportTaxRevenue", w.exportTaxRevenue());
            c.put("quotaRent", w.quotaRent());
            c.put("net", w.net());
            out.put(country, c);
        });
        return out;
    }

    private static Map<String, Object> elasticities(Elasticities declared, YearSolution s) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("sigma", declared.sigma());
        defaults.put("eta", declared.eta());
        defaults.put("eps", elasticity(declared.eps()));
        out.put("defaults", defaults);
        out.put("overrides", declared.overrides());
        out.put("sigma", s.sigma());
        out.put("eta", s.eta());
        Map<String, Object> eps = new LinkedHashMap<>();
        // the solution reports perfectly elastic supply as null; the scenario document writes it "Infinity"
        s.eps().forEach((country, value) -> eps.put(country, value == null ? INFINITY : value));
        out.put("eps", eps);
        return out;
    }

    /** Perfectly elastic supply is written as the string "Infinity", as the scenario document accepts it. */
    private static Object elasticity(double value) {
        return value == Double.POSITIVE_INFINITY ? INFINITY : value;
    }
}
