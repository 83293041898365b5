package org.rareearth.simulation.forecast;

import java.util.Optional;

import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;

/**
 * Whether a solved year holds only numbers that may be reported. The scenario bounds
 * ({@code ScenarioBounds}) keep each input sensible, but inputs near their bounds can still
 * combine into an equilibrium without meaning: fixed supply ({@code eps = 0}) and almost inelastic
 * demand ({@code eta} near 0) under a tight quota, say, solve to prices of 1e200. Such a year fails,
 * naming the first offending number, instead of being printed or published. A year is not
 * reportable when
 * <ul>
 *   <li>a number is not finite where the model defines it: NaN anywhere; an infinite price, flow,
 *       demand, rent or welfare item. Allowed, because the model defines them (MODEL.md 12,
 *       docs/model-choices.md "Welfare"): the composite price of an unserved market or of a market
 *       without benchmark demand ({@code NaN}, reported as {@code null}), and the consumer-surplus
 *       change of an unserved market, and so its net welfare, {@code -Infinity};</li>
 *   <li>a world or composite price moved more than {@link #MAX_PRICE_CHANGE}-fold from its
 *       base-year level (1) either way, or a quota rent rate exceeds it; a world price of exactly 0
 *       (an exporter whose every market is closed, MODEL.md 12) is allowed;</li>
 *   <li>a flow value, a composite demand or a welfare item exceeds {@link #MAX_VALUE_MULTIPLE}
 *       times the market's whole base-year value (every benchmark flow, domestic ones included).</li>
 * </ul>
 */
final class ReportableSolution {

    /** A millionfold price change either way: far beyond any price movement on record. */
    static final double MAX_PRICE_CHANGE = 1e6;
    /**
     * A millionfold price on a market shifted a millionfold (the most the shifts may multiply
     * demand or capacity, {@code ScenarioBounds.MAX_SHIFT_MULTIPLIER}).
     */
    static final double MAX_VALUE_MULTIPLE = 1e12;

    private ReportableSolution() {
    }

    /** Why the year must not be reported, e.g. {@code "world price of CHN is NaN"}; empty if it may be. */
    static Optional<String> problem(ArmingtonMarket market, Equilibrium eq, CountryWelfare[] welfare) {
        int n = market.size();
        double marketValue = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                marketValue += market.benchmarkQuantity(i, j);
            }
        }
        Limit values = new Limit(MAX_VALUE_MULTIPLE * marketValue, "more than 1e12 times the market's base-year value ("
                + marketValue + " thousand USD)");
        if (!Double.isFinite(eq.maxResidual())) {
            return Optional.of("the max residual is " + eq.maxResidual());
        }
        // prices first: a wrong price makes every value computed from it wrong too
        for (int i = 0; i < n; i++) {
            String c = market.country(i);
            Optional<String> bad = price("world price of " + c, eq.worldPrices()[i], true);
            double pc = eq.compositePrices()[i];
            boolean undefined = (eq.unserved()[i] || market.demandScaleA(i) == 0) && Double.isNaN(pc);
            if (bad.isEmpty() && !undefined) {
                bad = price("composite price of " + c, pc, false);
            }
            if (bad.isEmpty()) {
                bad = RENTS.check("quota rent rate of " + c, eq.quotaRentRate()[i]);
            }
            if (bad.isPresent()) {
                return bad;
            }
        }
        for (int i = 0; i < n; i++) {
            String c = market.country(i);
            Optional<String> bad = values.check("composite demand of " + c, eq.compositeDemand()[i]);
            for (int j = 0; j < n && bad.isEmpty(); j++) {
                bad = values.check("flow " + c + " -> " + market.country(j), eq.value(i, j));
            }
            if (bad.isPresent()) {
                return bad;
            }
        }
        for (int i = 0; i < n; i++) {
            Optional<String> bad = welfare(market.country(i), welfare[i], eq.unserved()[i], values);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> price(String what, double price, boolean zeroAllowed) {
        if (!Double.isFinite(price)) {
            return Optional.of(what + " is " + price);
        }
        if (price == 0 && zeroAllowed) {
            return Optional.empty();
        }
        if (price > MAX_PRICE_CHANGE || price < 1 / MAX_PRICE_CHANGE) {
            return Optional.of(what + " is " + price + " times its base-year level (a price that moved more than"
                    + " a millionfold either way is not reported)");
        }
        return Optional.empty();
    }

    /** The largest magnitude a kind of number may have, and how a message says so. */
    private record Limit(double max, String beyond) {
        Optional<String> check(String what, double value) {
            if (!Double.isFinite(value)) {
                return Optional.of(what + " is " + value);
            }
            if (Math.abs(value) > max) {
                return Optional.of(what + " is " + value + ", " + beyond);
            }
            return Optional.empty();
        }
    }

    private static final Limit RENTS = new Limit(MAX_PRICE_CHANGE, "more than a millionfold the exporter's price");

    private static Optional<String> welfare(String country, CountryWelfare w, boolean unserved, Limit values) {
        Optional<String> bad = values.check("producer surplus change of " + country, w.producerSurplus());
        if (bad.isEmpty()) {
            bad = values.check("tariff revenue change of " + country, w.tariffRevenue());
        }
        if (bad.isEmpty()) {
            bad = values.check("export-tax revenue change of " + country, w.exportTaxRevenue());
        }
        if (bad.isEmpty()) {
            bad = values.check("quota rent of " + country, w.quotaRent());
        }
        // an unserved market's consumer surplus falls without bound when eta >= -1: -Infinity, documented
        boolean unbounded = unserved && w.consumerSurplus() == Double.NEGATIVE_INFINITY;
        if (bad.isEmpty() && !unbounded) {
            bad = values.check("consumer surplus change of " + country, w.consumerSurplus());
        }
        if (bad.isEmpty() && !(unbounded && w.net() == Double.NEGATIVE_INFINITY)) {
            bad = values.check("net welfare change of " + country, w.net());
        }
        return bad;
    }
}
