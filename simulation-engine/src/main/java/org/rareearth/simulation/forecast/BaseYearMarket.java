package org.rareearth.simulation.forecast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.PolicyState;

/**
 * The observed starting point of one market (MODEL.md 1): the base year's flows {@code V0} of one
 * product (or the sum of several), the import tariffs {@code t0} in force on them, and each
 * product's weight in the aggregate.
 *
 * @param values         {@code V0[i][j]}, thousand USD; the diagonal holds domestic shipments {@code D0}
 * @param policy         the benchmark wedges: tariffs on the traded foreign pairs, nothing else
 * @param productWeights total benchmark trade value of each product, in the order of {@code products},
 *                       used to average product-specific elasticities over an aggregate
 */
public record BaseYearMarket(int year, List<String> products, TradeMatrix values, PolicyState policy,
                             Map<String, Double> productWeights) {

    /** The benchmark import tariff {@code t0[i][j]} of the traded foreign pair {@code i -> j}. */
    @FunctionalInterface
    public interface BenchmarkTariff {
        double rate(int exporter, int importer);
    }

    public BaseYearMarket {
        Objects.requireNonNull(values, "values");
        policy = Objects.requireNonNull(policy, "policy").copy();
        products = List.copyOf(products);
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a market needs at least one product");
        }
        if (policy.size() != values.size()) {
            throw new IllegalArgumentException("the benchmark policy has " + policy.size() + " countries, the flows "
                    + values.size());
        }
        productWeights = Collections.unmodifiableMap(new LinkedHashMap<>(productWeights));
        if (!productWeights.keySet().containsAll(products)) {
            throw new IllegalArgumentException("products " + products + " without a weight in " + productWeights.keySet());
        }
    }

    /**
     * A market whose benchmark policy holds {@code tariffs} on the traded foreign pairs. Pairs
     * without trade keep 0: they carry no calibrated weight (MODEL.md 12, no new varieties).
     */
    public static BaseYearMarket of(int year, List<String> products, TradeMatrix values, BenchmarkTariff tariffs,
                                    Map<String, Double> productWeights) {
        int n = values.size();
        PolicyState policy = PolicyState.free(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && values.value(i, j) > 0) {
                    policy.setTariff(i, j, tariffs.rate(i, j));
                }
            }
        }
        return new BaseYearMarket(year, products, values, policy, productWeights);
    }

    /** A market of one product, weighted by its total benchmark value. */
    public static BaseYearMarket ofProduct(int year, String product, TradeMatrix values, BenchmarkTariff tariffs) {
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < values.size(); j++) {
                total += values.value(i, j);
            }
        }
        return of(year, List.of(product), values, tariffs, Map.of(product, total));
    }

    /** Label of the market: the HS6 code, or the codes joined by '+' for an aggregate. */
    public String label() {
        return String.join("+", products);
    }

    /** The product weights in the order of {@link #products()}. */
    double[] weights() {
        return products.stream().mapToDouble(productWeights::get).toArray();
    }

    /** A copy of the benchmark policy: the record's own is never handed out for change. */
    @Override
    public PolicyState policy() {
        return policy.copy();
    }
}
