package org.rareearth.simulation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every policy instrument in force for one market in one year, indexed like the market's
 * countries: {@code [i][j]} is the flow from exporter {@code i} to importer {@code j}.
 * Rates are ad-valorem fractions (MODEL.md 1). Mutable on purpose: policy events are applied to
 * a {@link #copy()} of the benchmark state one after the other.
 */
public final class PolicyState {

    private final double[][] tariff;
    private final double[][] exportTax;
    private final double[][] ntb;
    private final boolean[][] embargoed;
    private final List<QuotaCap> quotas;
    private final double[] demandShift;
    private final double[] capacityShift;

    private PolicyState(double[][] tariff, double[][] exportTax, double[][] ntb, boolean[][] embargoed,
                        List<QuotaCap> quotas, double[] demandShift, double[] capacityShift) {
        this.tariff = tariff;
        this.exportTax = exportTax;
        this.ntb = ntb;
        this.embargoed = embargoed;
        this.quotas = quotas;
        this.demandShift = demandShift;
        this.capacityShift = capacityShift;
    }

    /** Free trade among {@code n} countries: no wedge, no embargo, no quota, no shift. */
    public static PolicyState free(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new PolicyState(new double[n][n], new double[n][n], new double[n][n], new boolean[n][n],
                new ArrayList<>(), ones, ones.clone());
    }

    public PolicyState copy() {
        return new PolicyState(deepCopy(tariff), deepCopy(exportTax), deepCopy(ntb), deepCopy(embargoed),
                new ArrayList<>(quotas), demandShift.clone(), capacityShift.clone());
    }

    public int size() {
        return tariff.length;
    }

    // MODEL.md 1: tau = (1+t)(1+x)(1+n); the diagonal (domestic shipments) carries no wedge (MODEL.md 12).
    public double wedge(int i, int j) {
        if (i == j) {
            return 1.0;
        }
        return (1 + tariff[i][j]) * (1 + exportTax[i][j]) * (1 + ntb[i][j]);
    }

    public double tariff(int i, int j) {
        return tariff[i][j];
    }

    public double exportTax(int i, int j) {
        return exportTax[i][j];
    }

    public double ntb(int i, int j) {
        return ntb[i][j];
    }

    public boolean embargoed(int i, int j) {
        return embargoed[i][j];
    }

    public void setTariff(int i, int j, double rate) {
        tariff[i][j] = requireRate(rate, "tariff", i, j);
    }

    public void setExportTax(int i, int j, double rate) {
        exportTax[i][j] = requireRate(rate, "export tax", i, j);
    }

    public void setNtb(int i, int j, double rate) {
        ntb[i][j] = requireRate(rate, "NTB", i, j);
    }

    public void setEmbargoed(int i, int j, boolean closed) {
        embargoed[i][j] = closed;
    }

    public List<QuotaCap> quotas() {
        return List.copyOf(quotas);
    }

    public void addQuota(QuotaCap cap) {
        quotas.add(cap);
    }

    /** Multiplier of composite demand {@code A[j]} (DEMAND_SHIFT). */
    public double demandShift(int j) {
        return demandShift[j];
    }

    /** Multiplier of export supply capacity {@code K[i]} (CAPACITY_SHIFT). */
    public double capacityShift(int i) {
        return capacityShift[i];
    }

    public void shiftDemand(int j, double factor) {
        demandShift[j] *= requireFactor(factor, "demand");
    }

    public void shiftCapacity(int i, double factor) {
        capacityShift[i] *= requireFactor(factor, "capacity");
    }

    private static double requireRate(double rate, String what, int i, int j) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(what + " rate on flow " + i + "->" + j + " must be finite and >= 0, was " + rate);
        }
        return rate;
    }

    private static double requireFactor(double factor, String what) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(what + " shift factor must be finite and > 0, was " + factor);
        }
        return factor;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static boolean[][] deepCopy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
