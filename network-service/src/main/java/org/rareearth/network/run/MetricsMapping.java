package org.rareearth.network.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.CountryIndicators;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkComparison;
import org.rareearth.network.metrics.NetworkIndicators;
import org.rareearth.shared.events.NetworkMetricsEvent;

/**
 * Engine results as the fields of {@link NetworkMetricsEvent}, mapped as the command line's
 * {@code network} report does (cli NetworkReport). JSON has no NaN or infinity: a number that is
 * not finite is written as null where the contract allows it.
 */
final class MetricsMapping {

    private MetricsMapping() {
    }

    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static Double number(Double value) {
        return value == null ? null : number(value.doubleValue());
    }

    static NetworkMetricsEvent.Indicators indicators(NetworkIndicators n) {
        return new NetworkMetricsEvent.Indicators(n.nodes(), n.edges(), number(n.density()), number(n.reciprocity()),
                number(n.avgClustering()), number(n.avgPathLength()), n.diameter(), number(n.degreeCentralization()),
                number(n.exportHHI()), number(n.importHHI()), number(n.cr1()), number(n.cr3()), n.communities(),
                number(n.modularity()), number(n.intraCommunityShare()));
    }

    /** Per-country indicators in ISO3 order. */
    static Map<String, NetworkMetricsEvent.CountryMetrics> countries(NetworkAnalysis analysis) {
        Map<String, NetworkMetricsEvent.CountryMetrics> out = new LinkedHashMap<>();
        analysis.countries().forEach((iso3, c) -> out.put(iso3, country(c)));
        return out;
    }

    private static NetworkMetricsEvent.CountryMetrics country(CountryIndicators c) {
        return new NetworkMetricsEvent.CountryMetrics(c.inDegree(), c.outDegree(), c.inStrength(), c.outStrength(),
                number(c.pageRank()), number(c.betweenness()), number(c.supplierHHI()), number(c.largestSupplierShare()),
                c.community());
    }

    static NetworkMetricsEvent.Brokerage brokerage(Brokerage b) {
        if (b == null) {
            return null;
        }
        return new NetworkMetricsEvent.Brokerage(b.from(), b.to(), b.direct(), b.totalTwoStep(),
                b.brokers().stream().map(x -> new NetworkMetricsEvent.Broker(x.country(), x.flow(), x.share())).toList());
    }

    /**
     * The comparison; its four similarity numbers are never null in the contract, so a value that is
     * not finite fails the computation (reported FAILED) instead of publishing NaN.
     */
    static NetworkMetricsEvent.Comparison comparison(NetworkComparison c) {
        Map<String, Double> changes = new LinkedHashMap<>();
        c.indicatorChanges().forEach((name, change) -> changes.put(name, number(change)));
        return new NetworkMetricsEvent.Comparison(changes, finite("nmi", c.nmi()), finite("ari", c.ari()),
                finite("jensenShannon", c.jensenShannon()), finite("edgeJaccard", c.edgeJaccard()));
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("comparison " + name + " is not a finite number (" + value + ")");
        }
        return value;
    }
}
