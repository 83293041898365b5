package org.rareearth.simulation.policy;

import java.util.List;
import java.util.Objects;

import org.rareearth.shared.scenario.Elasticities;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.MarketElasticities;

/**
 * Chooses the elasticities of one market's countries from a scenario's {@link Elasticities}
 * (defaults plus overrides, MODEL.md sections 10 and 11): {@code sigma} and {@code eta} are looked
 * up for each country as an importing market, {@code eps} for each country as an exporter, and the
 * most specific override wins (country and product, then country, then product, then default).
 *
 * <p><b>Aggregates (a choice, not in MODEL.md):</b> when the market is the sum of several products,
 * each country's value is the mean of its per-product values weighted by each product's weight,
 * which callers should set to the product's total benchmark trade value ({@link #tradeValue}).
 * Products with weight 0 do not count. If a product with a positive weight has
 * {@code eps = +inf} for a country, that country's aggregate {@code eps} is {@code +inf}. Averaging
 * can produce a {@code sigma} of exactly 1 (e.g. 0.5 and 1.5), for which the CES is undefined: that
 * is rejected with an {@link IllegalArgumentException} naming the country.
 */
public final class ElasticityChoice {

    private ElasticityChoice() {
    }

    /** Elasticities of {@code countries} in the market of one {@code product}. */
    public static MarketElasticities forProduct(Elasticities elasticities, List<String> countries, String product) {
        return forProducts(elasticities, countries, List.of(product), new double[] {1.0});
    }

    /**
     * Elasticities of {@code countries} in the market that sums {@code products}.
     *
     * @param weights one non-negative weight per product (its total benchmark trade value), not all
     *                zero; ignored when there is a single product
     */
    public static MarketElasticities forProducts(Elasticities elasticities, List<String> countries, List<String> products,
                                                 double[] weights) {
        Objects.requireNonNull(elasticities, "elasticities");
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(weights, "weights");
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a market needs at least one product");
        }
        if (weights.length != products.size()) {
            throw new IllegalArgumentException(products.size() + " products but " + weights.length + " weights");
        }
        double total = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new IllegalArgumentException("weight of product " + products.get(k) + " must be finite and >= 0, was "
                        + weights[k]);
            }
            total += weights[k];
        }
        double[] share = new double[weights.length];
        if (products.size() == 1) {
            share[0] = 1.0;
        } else if (total > 0) {
            for (int k = 0; k < weights.length; k++) {
                share[k] = weights[k] / total;
            }
        } else {
            throw new IllegalArgumentException("the weights of products " + products + " are all zero");
        }
        int n = countries.size();
        double[] sigma = new double[n];
        double[] eta = new double[n];
        double[] eps = new double[n];
        int m = products.size();
        for (int c = 0; c < n; c++) {
            String country = countries.get(c);
            double[] s = new double[m];
            double[] e = new double[m];
            double[] x = new double[m];
            for (int k = 0; k < m; k++) {
                String product = products.get(k);
                s[k] = elasticities.sigma(product, country);
                e[k] = elasticities.eta(product, country);
                x[k] = elasticities.eps(product, country);
            }
            sigma[c] = mean(s, share);
            eta[c] = mean(e, share);
            eps[c] = mean(x, share);
            check(country, sigma[c], eta[c], eps[c]);
        }
        return new MarketElasticities(sigma, eta, eps);
    }

    /** The total value of the foreign flows ({@code i != j}) of a benchmark matrix, in thousand USD. */
    public static double tradeValue(TradeMatrix benchmark) {
        double sum = 0;
        for (int i = 0; i < benchmark.size(); i++) {
            for (int j = 0; j < benchmark.size(); j++) {
                if (i != j) {
                    sum += benchmark.value(i, j);
                }
            }
        }
        return sum;
    }

    /**
     * Weighted mean written as {@code v0 + sum share[k]*(v[k]-v0)} around the first counted value,
     * so that equal values give exactly that value; {@code +inf} in a counted value gives {@code +inf}.
     */
    private static double mean(double[] values, double[] share) {
        double base = Double.NaN;
        for (int k = 0; k < values.length; k++) {
            if (share[k] > 0) {
                if (Double.isInfinite(values[k])) {
                    return values[k];
                }
                if (Double.isNaN(base)) {
                    base = values[k];
                }
            }
        }
        double sum = base;
        for (int k = 0; k < values.length; k++) {
            if (share[k] > 0) {
                sum += share[k] * (values[k] - base);
            }
        }
        return sum;
    }

    private static void check(String country, double sigma, double eta, double eps) {
        if (!(sigma > 0) || sigma == 1 || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma of " + country + " must be finite, > 0 and != 1, was " + sigma);
        }
        if (!(eta < 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta of " + country + " must be finite and < 0, was " + eta);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps of " + country + " must be >= 0, was " + eps);
        }
    }
}
