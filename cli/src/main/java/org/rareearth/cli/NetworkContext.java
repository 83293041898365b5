package org.rareearth.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.simulation.forecast.BaseYearMarket;

/** What a network was built from: the header fields of every network and compare report. */
record NetworkContext(String dataNotice, String source, String scenario, int year, BaseYearMarket market,
                      double threshold) {

    static final String OBSERVED = "observed";
    static final String SIMULATED = "simulated";

    Map<String, Object> header() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataNotice", dataNotice);
        out.put("source", source);
        out.put("scenario", scenario);
        out.put("year", year);
        out.put("product", market.label());
        out.put("products", market.products());
        out.put("threshold", threshold);
        out.put("valueUnit", SimulationReport.VALUE_UNIT);
        return out;
    }
}
