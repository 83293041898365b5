package org.rareearth.cli;

import static org.rareearth.cli.JsonOutput.number;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.network.metrics.Broker;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.CountryIndicators;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkIndicators;

/** The JSON object {@code network} prints for one year (fields documented in docs/cli.md). */
final class NetworkReport {

    private NetworkReport() {
    }

    static Map<String, Object> of(NetworkContext context, NetworkAnalysis analysis, Brokerage brokerage) {
        Map<String, Object> out = context.header();
        out.putAll(indicators(analysis.indicators()));
        Map<String, Object> countries = new LinkedHashMap<>();
        analysis.countries().forEach((iso3, c) -> countries.put(iso3, country(c)));
        out.put("countries", countries);
        if (brokerage != null) {
            out.put("brokerage", brokerage(brokerage));
        }
        return out;
    }

    /** The whole-network indicators under the names MODEL.md 8 uses. */
    static Map<String, Object> indicators(NetworkIndicators n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", n.nodes());
        out.put("edges", n.edges());
        out.put("density", number(n.density()));
        out.put("reciprocity", number(n.reciprocity()));
        out.put("avgClustering", number(n.avgClustering()));
        out.put("avgPathLength", n.avgPathLength());
        out.put("diameter", n.diameter());
        out.put("degreeCentralization", number(n.degreeCentralization()));
        out.put("exportHHI", number(n.exportHHI()));
        out.put("importHHI", number(n.importHHI()));
        out.put("cr1", number(n.cr1()));
        out.put("cr3", number(n.cr3()));
        out.put("communities", n.communities());
        out.put("modularity", number(n.modularity()));
        out.put("intraCommunityShare", number(n.intraCommunityShare()));
        return out;
    }

    private static Map<String, Object> country(CountryIndicators c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inDegree", c.inDegree());
        out.put("outDegree", c.outDegree());
        out.put("inStrength", c.inStrength());
        out.put("outStrength", c.outStrength());
        out.put("pageRank", number(c.pageRank()));
        out.put("betweenness", number(c.betweenness()));
        out.put("supplierHHI", c.supplierHHI());
        out.put("largestSupplierShare", c.largestSupplierShare());
        out.put("community", c.community());
        return out;
    }

    static Map<String, Object> brokerage(Brokerage b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", b.from());
        out.put("to", b.to());
        out.put("direct", b.direct());
        out.put("totalTwoStep", b.totalTwoStep());
        List<Map<String, Object>> brokers = b.brokers().stream().map(NetworkReport::broker).toList();
        out.put("brokers", brokers);
        return out;
    }

    private static Map<String, Object> broker(Broker b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("country", b.country());
        out.put("flow", b.flow());
        out.put("share", number(b.share()));
        return out;
    }
}
