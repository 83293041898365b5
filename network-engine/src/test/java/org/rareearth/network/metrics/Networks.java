package org.rareearth.network.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.trade.TradeMatrix;

/** Small networks for tests, written as edges "EXP>IMP=value". */
final class Networks {

    private static final int LETTERS = 26;
    /** Spread of random flow values, log-normal as trade values roughly are. */
    private static final double LOG_VALUE_SPREAD = 2.0;
    private static final double MEDIAN_VALUE = 100.0;

    private Networks() {
    }

    static TradeNetwork of(String... edges) {
        TreeSet<String> names = new TreeSet<>();
        for (String edge : edges) {
            names.add(exporter(edge));
            names.add(importer(edge));
        }
        List<String> countries = new ArrayList<>(names);
        double[][] values = new double[countries.size()][countries.size()];
        for (String edge : edges) {
            values[countries.indexOf(exporter(edge))][countries.indexOf(importer(edge))] =
                    Double.parseDouble(edge.substring(edge.indexOf('=') + 1));
        }
        return TradeNetwork.build(new TradeMatrix(countries, values), TradeNetwork.DEFAULT_THRESHOLD);
    }

    /** Each ordered pair trades with probability {@code pairShare}; values log-normal. */
    static TradeNetwork random(int countries, double pairShare, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < countries; i++) {
            names.add(iso3(i));
        }
        double[][] values = new double[countries][countries];
        for (int i = 0; i < countries; i++) {
            for (int j = 0; j < countries; j++) {
                if (i != j && random.nextDouble() < pairShare) {
                    values[i][j] = MEDIAN_VALUE * Math.exp(LOG_VALUE_SPREAD * random.nextGaussian());
                }
            }
        }
        return TradeNetwork.build(new TradeMatrix(names, values), TradeNetwork.DEFAULT_THRESHOLD);
    }

    static String iso3(int i) {
        return "" + (char) ('A' + i / (LETTERS * LETTERS)) + (char) ('A' + i / LETTERS % LETTERS)
                + (char) ('A' + i % LETTERS);
    }

    private static String exporter(String edge) {
        return edge.substring(0, edge.indexOf('>'));
    }

    private static String importer(String edge) {
        return edge.substring(edge.indexOf('>') + 1, edge.indexOf('='));
    }
}
