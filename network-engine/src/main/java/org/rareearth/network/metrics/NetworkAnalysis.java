package org.rareearth.network.metrics;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything MODEL.md 8 reports for one network: whole network, per country (ISO3 order), communities. */
public record NetworkAnalysis(NetworkIndicators indicators, SortedMap<String, CountryIndicators> countries,
                              Partition partition) {

    public NetworkAnalysis {
        countries = Collections.unmodifiableSortedMap(new TreeMap<>(countries));
    }
}
