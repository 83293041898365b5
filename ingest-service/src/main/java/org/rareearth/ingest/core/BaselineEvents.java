package org.rareearth.ingest.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.TradeData;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.trade.TradeFlow;

/**
 * Turns a data set into its {@code trade.baseline} events: one per (year, product) of the data
 * set, in year then product order. Every year of the data set and every product it keeps (for
 * BACI every product of {@code product_codes.csv} the filter keeps) gets an event, also when no flow of that product was reported that
 * year (the event then has no flows), so a consumer never mistakes "no trade" for "not sent".
 */
public final class BaselineEvents {

    private BaselineEvents() {
    }

    public static List<TradeBaselineEvent> of(TradeData data, String version, String notice) {
        List<Integer> years = List.copyOf(data.years());
        List<String> products = List.copyOf(data.products().keySet());
        List<TradeBaselineEvent> events = new ArrayList<>(years.size() * products.size());
        for (int year : years) {
            Map<String, List<TradeFlow>> byProduct = new TreeMap<>();
            for (TradeFlow f : data.flows().get(year)) {
                byProduct.computeIfAbsent(f.product(), p -> new ArrayList<>()).add(f);
            }
            for (String product : products) {
                List<TradeFlow> flows = byProduct.getOrDefault(product, List.of());
                events.add(new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, version, year, product, years,
                        products, notice, flows(flows), tariffs(data.tariffs(), year, product, flows)));
            }
        }
        return events;
    }

    /** The flows in file order; an unknown quantity (NaN in the reader) travels as null. */
    private static List<TradeBaselineEvent.Flow> flows(List<TradeFlow> flows) {
        return flows.stream()
                .map(f -> new TradeBaselineEvent.Flow(f.exporter(), f.importer(), f.value(),
                        Double.isNaN(f.quantity()) ? null : f.quantity()))
                .toList();
    }

    /**
     * The baseline wedge on each flow's pair, where it is not zero (pairs without an entry mean 0,
     * see {@link TradeBaselineEvent#tariff}). Rows of {@code tariffs.csv} for pairs that did not
     * trade that year are left out: they apply to no observed flow.
     */
    private static List<TradeBaselineEvent.Tariff> tariffs(BaselineTariffs tariffs, int year, String product,
                                                           List<TradeFlow> flows) {
        List<TradeBaselineEvent.Tariff> out = new ArrayList<>();
        for (TradeFlow f : flows) {
            double rate = tariffs.rate(year, f.importer(), f.exporter(), product);
            if (rate > 0) {
                out.add(new TradeBaselineEvent.Tariff(f.importer(), f.exporter(), rate));
            }
        }
        return out;
    }
}
