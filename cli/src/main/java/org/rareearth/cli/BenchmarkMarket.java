package org.rareearth.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.tradedata.baci.BaciDataset;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.model.PolicyState;

/**
 * The observed starting point of one market: the base year's flows of one product (or the sum of
 * several), the tariffs in force on them, and each product's weight in the aggregate.
 *
 * @param productWeights total benchmark trade value of each product, used to average
 *                       product-specific elasticities over an aggregate
 */
record BenchmarkMarket(int year, List<String> products, TradeMatrix values, PolicyState policy,
                       Map<String, Double> productWeights) {

    /** Label of the market: the HS6 code, or the codes joined by '+' for an aggregate. */
    String label() {
        return String.join("+", products);
    }

    static BenchmarkMarket assemble(BaciDataset data, int year, List<String> products) {
        List<TradeFlow> flows = data.flows(year, products);
        if (flows.isEmpty()) {
            throw new UsageException("no flows of product " + String.join(",", products) + " in " + year
                    + " (years with data: " + data.years() + ")");
        }
        TradeMatrix total = TradeMatrix.sumOf(flows);
        int n = total.size();
        Map<String, Double> weights = new LinkedHashMap<>();
        products.forEach(p -> weights.put(p, 0.0));
        // A pair's benchmark tariff on an aggregate is the trade-weighted mean of its product tariffs,
        // so the aggregate collects the same tariff revenue as its products do.
        double[][] weightedRate = new double[n][n];
        for (TradeFlow f : flows) {
            int i = total.indexOf(f.exporter());
            int j = total.indexOf(f.importer());
            weights.merge(f.product(), f.value(), Double::sum);
            if (i != j) {
                weightedRate[i][j] += f.value() * data.tariffs().rate(year, f.importer(), f.exporter(), f.product());
            }
        }
        PolicyState policy = PolicyState.free(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = total.value(i, j);
                if (i != j && v > 0) {
                    policy.setTariff(i, j, weightedRate[i][j] / v);
                }
            }
        }
        return new BenchmarkMarket(year, List.copyOf(products), total, policy, weights);
    }
}
