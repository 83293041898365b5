package org.rareearth.network.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rareearth.network.model.TradeNetwork;

/**
 * Who mediates trade from {@code a} to {@code b} (MODEL.md 8 and 12): each third country m carries
 * the two-step flow {@code min(w[a][m], w[m][b])}; brokers are listed with their share of the total,
 * largest first (ties in ISO3 order). Only {@code a -> m -> b} counts; the direct {@code a -> b}
 * flow is reported separately. Countries with no two-step flow are not listed.
 */
public record Brokerage(String from, String to, double direct, double totalTwoStep, List<Broker> brokers) {

    public Brokerage {
        brokers = List.copyOf(brokers);
    }

    public static Brokerage between(TradeNetwork network, String a, String b) {
        int from = requireNode(network, a, "exporter");
        int to = requireNode(network, b, "importer");
        if (from == to) {
            throw new IllegalArgumentException("brokerage needs two different countries, got " + a + " twice");
        }
        List<String> names = new ArrayList<>();
        List<Double> flows = new ArrayList<>();
        double total = 0;
        for (int m : network.successors(from)) {
            double flow = Math.min(network.weight(from, m), network.weight(m, to)); // MODEL.md 8
            if (m != to && flow > 0) {
                names.add(network.node(m));
                flows.add(flow);
                total += flow;
            }
        }
        List<Broker> brokers = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            brokers.add(new Broker(names.get(k), flows.get(k), flows.get(k) / total));
        }
        brokers.sort(Comparator.comparingDouble(Broker::share).reversed().thenComparing(Broker::country));
        return new Brokerage(a, b, network.weight(from, to), total, brokers);
    }

    private static int requireNode(TradeNetwork network, String iso3, String role) {
        int i = network.indexOf(iso3);
        if (i < 0) {
            throw new IllegalArgumentException("brokerage " + role + " " + iso3 + " is not a node of the network "
                    + "(no foreign trade in this matrix)");
        }
        return i;
    }
}
