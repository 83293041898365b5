package org.rareearth.simulation.forecast;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rareearth.simulation.model.CountryWelfare;

/**
 * One solved year of a scenario as results report it (the command line's {@code simulate} report
 * and simulation-service's result events are both written from it). Maps are keyed by ISO3 code in
 * the market's country order. A number that is not finite is {@code null} (JSON has none): the
 * composite price of an unserved market or of one without benchmark demand, an unbounded welfare
 * change, and {@code eps} of perfectly elastic supply.
 *
 * @param solver          {@link SolverKind#label()}
 * @param unservedMarkets markets that had benchmark demand and lost every source (MODEL.md 12)
 * @param quotaRentRates  the exporters whose quota binds, with their rent rate
 * @param flows           every pair with benchmark trade, observed and simulated (thousand USD, world prices)
 * @param welfare         changes against the calibrated base year (MODEL.md 4)
 * @param eps             the export supply elasticities used; {@code null} = perfectly elastic
 */
public record YearSolution(int year, String scenarioName, String solver, int iterations, double maxResidual,
                           Map<String, Double> worldPrices, Map<String, Double> compositePrices,
                           Map<String, Double> compositeDemand, List<String> unservedMarkets,
                           Map<String, Double> quotaRentRates, List<Flow> flows, Map<String, Welfare> welfare,
                           Map<String, Double> sigma, Map<String, Double> eta, Map<String, Double> eps,
                           List<String> eventsInForce, List<String> warnings) {

    public YearSolution {
        worldPrices = Collections.unmodifiableMap(worldPrices);
        compositePrices = Collections.unmodifiableMap(compositePrices);
        compositeDemand = Collections.unmodifiableMap(compositeDemand);
        unservedMarkets = List.copyOf(unservedMarkets);
        quotaRentRates = Collections.unmodifiableMap(quotaRentRates);
        flows = List.copyOf(flows);
        welfare = Collections.unmodifiableMap(welfare);
        sigma = Collections.unmodifiableMap(sigma);
        eta = Collections.unmodifiableMap(eta);
        eps = Collections.unmodifiableMap(eps);
        eventsInForce = List.copyOf(eventsInForce);
        warnings = List.copyOf(warnings);
    }

    /** A flow with benchmark trade: its observed base-year value and its simulated value, thousand USD. */
    public record Flow(String exporter, String importer, double observed, Double value) {
    }

    /** One country's welfare change, thousand USD (MODEL.md 4); {@code null} where unbounded. */
    public record Welfare(Double producerSurplus, Double consumerSurplus, Double tariffRevenue,
                          Double exportTaxRevenue, Double quotaRent, Double net) {

        static Welfare of(CountryWelfare w) {
            return new Welfare(number(w.producerSurplus()), number(w.consumerSurplus()), number(w.tariffRevenue()),
                    number(w.exportTaxRevenue()), number(w.quotaRent()), number(w.net()));
        }
    }

    /** JSON has no NaN or infinity: a number that is not finite is reported as null. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
