package org.rareearth.cli;

import static org.rareearth.cli.JsonOutput.number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;

/** The JSON object {@code simulate} prints for one year (fields documented in docs/cli.md). */
final class SimulationReport {

    static final String VALUE_UNIT = "thousand USD at world (exporter) prices";
    static final String WELFARE_UNIT = "thousand USD, change against the calibrated base year";

    private SimulationReport() {
    }

    static Map<String, Object> of(TradeData data, SimulationRun run, YearOutcome year) {
        ArmingtonMarket market = run.market();
        Equilibrium eq = year.equilibrium();
        int n = market.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataNotice", data.notice());
        out.put("scenario", run.scenario().name());
        out.put("year", year.year());
        out.put("baseYear", run.benchmark().year());
        out.put("product", run.benchmark().label());
        out.put("products", run.benchmark().products());
        out.put("solver", run.solver().label());
        out.put("converged", eq.converged());
        out.put("iterations", eq.iterations());
        out.put("maxResidual", eq.maxResidual());
        out.put("worldPrices", byCountry(market, eq.worldPrices()));
        out.put("compositePrices", byCountry(market, eq.compositePrices()));
        out.put("compositeDemand", byCountry(market, eq.compositeDemand()));
        List<String> unserved = new ArrayList<>();
        Map<String, Object> rents = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (eq.unserved()[i]) {
                unserved.add(market.country(i));
            }
            if (eq.quotaRentRate()[i] > 0) {
                rents.put(market.country(i), eq.quotaRentRate()[i]);
            }
        }
        out.put("unservedMarkets", unserved);
        out.put("quotaRentRates", rents);
        out.put("valueUnit", VALUE_UNIT);
        out.put("flows", flows(run, eq));
        out.put("welfareUnit", WELFARE_UNIT);
        out.put("welfare", welfare(market, year.welfare()));
        out.put("elasticities", elasticities(run.scenario().elasticities(), market));
        out.put("eventsInForce", year.eventsInForce());
        out.put("warnings", run.policy().warnings(year.year()));
        return out;
    }

    /** Every pair with benchmark trade, with its observed (calibration) value and its simulated value. */
    private static List<Map<String, Object>> flows(SimulationRun run, Equilibrium eq) {
        ArmingtonMarket market = run.market();
        List<Map<String, Object>> flows = new ArrayList<>();
        for (int i = 0; i < market.size(); i++) {
            for (int j = 0; j < market.size(); j++) {
                double baseline = run.benchmark().values().value(i, j);
                if (baseline > 0) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("exporter", market.country(i));
                    f.put("importer", market.country(j));
                    f.put("baseline", baseline);
                    f.put("value", number(eq.value(i, j)));
                    flows.add(f);
                }
            }
        }
        return flows;
    }

    static Map<String, Object> welfare(ArmingtonMarket market, CountryWelfare[] welfare) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < market.size(); i++) {
            CountryWelfare w = welfare[i];
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("producerSurplus", number(w.producerSurplus()));
            c.put("consumerSurplus", number(w.consumerSurplus()));
            c.put("tariffRevenue", number(w.tariffRevenue()));
            c.put("exportTaxRevenue", number(w.exportTaxRevenue()));
            c.put("quotaRent", number(w.quotaRent()));
            c.put("net", number(w.net()));
            out.put(market.country(i), c);
        }
        return out;
    }

    private static Map<String, Object> elasticities(Elasticities declared, ArmingtonMarket market) {
        MarketElasticities used = market.elasticities();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("sigma", declared.sigma());
        defaults.put("eta", declared.eta());
        defaults.put("eps", elasticity(declared.eps()));
        out.put("defaults", defaults);
        out.put("overrides", declared.overrides());
        out.put("sigma", byCountry(market, used.sigma()));
        out.put("eta", byCountry(market, used.eta()));
        Map<String, Object> eps = new LinkedHashMap<>();
        for (int i = 0; i < market.size(); i++) {
            eps.put(market.country(i), elasticity(used.eps()[i]));
        }
        out.put("eps", eps);
        return out;
    }

    /** Perfectly elastic supply is written as the string "Infinity", as the scenario document accepts it. */
    private static Object elasticity(double value) {
        return value == Double.POSITIVE_INFINITY ? "Infinity" : value;
    }

    static Map<String, Double> byCountry(ArmingtonMarket market, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < market.size(); i++) {
            out.put(market.country(i), number(values[i]));
        }
        return out;
    }
}
