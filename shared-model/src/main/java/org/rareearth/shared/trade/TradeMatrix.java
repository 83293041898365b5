package org.rareearth.shared.trade;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Bilateral values {@code V[i][j]} (thousand USD) among a fixed, ISO3-sorted list of countries.
 * The diagonal holds domestic shipments {@code D0[i]} when they are known (MODEL.md section 1).
 * Both engines start from this: the equilibrium calibrates on it, the network is built from it.
 */
public final class TradeMatrix {

    private final List<String> countries;
    private final Map<String, Integer> index;
    private final double[][] values;

    public TradeMatrix(List<String> countries, double[][] values) {
        if (values.length != countries.size()) {
            throw new IllegalArgumentException("matrix has " + values.length + " rows for " + countries.size() + " countries");
        }
        this.countries = List.copyOf(countries);
        this.index = new HashMap<>();
        for (int i = 0; i < this.countries.size(); i++) {
            if (index.put(this.countries.get(i), i) != null) {
                throw new IllegalArgumentException("country listed twice: " + this.countries.get(i));
            }
        }
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != values.length) {
                throw new IllegalArgumentException("row " + countries.get(i) + " has " + values[i].length + " columns, expected " + values.length);
            }
            for (int j = 0; j < values.length; j++) {
                double v = values[i][j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("value " + countries.get(i) + "->" + countries.get(j) + " must be finite and >= 0, was " + v);
                }
            }
            this.values[i] = values[i].clone();
        }
    }

    /**
     * Sums the given flows (typically one year, one or several products) into a matrix over the
     * countries that appear in them, sorted by ISO3.
     */
    public static TradeMatrix sumOf(Collection<TradeFlow> flows) {
        TreeSet<String> names = new TreeSet<>();
        for (TradeFlow f : flows) {
            names.add(f.exporter());
            names.add(f.importer());
        }
        List<String> countries = new ArrayList<>(names);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < countries.size(); i++) {
            at.put(countries.get(i), i);
        }
        double[][] v = new double[countries.size()][countries.size()];
        for (TradeFlow f : flows) {
            v[at.get(f.exporter())][at.get(f.importer())] += f.value();
        }
        return new TradeMatrix(countries, v);
    }

    public int size() {
        return countries.size();
    }

    public List<String> countries() {
        return countries;
    }

    public String country(int i) {
        return countries.get(i);
    }

    /** Position of a country, or -1 when it is not in this matrix. */
    public int indexOf(String iso3) {
        Integer i = index.get(iso3);
        return i == null ? -1 : i;
    }

    public double value(int exporter, int importer) {
        return values[exporter][importer];
    }

    /** A defensive copy of the values. */
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TradeMatrix m && countries.equals(m.countries) && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * countries.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "TradeMatrix" + countries;
    }
}
