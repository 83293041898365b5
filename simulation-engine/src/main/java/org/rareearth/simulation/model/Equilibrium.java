package org.rareearth.simulation.model;

/**
 * One solved market (MODEL.md 3), indexed like the market's countries. Only a solved market is an
 * {@code Equilibrium}: the solvers throw instead of returning one that did not converge. Arrays are not copied:
 * treat them as read-only.
 *
 * @param worldPrices          {@code p[i]}: 1 for a country without exports or with perfectly elastic
 *                             supply, 0 for an exporter whose every market is closed (MODEL.md 12)
 * @param compositePrices      {@code PC[j]}; {@code Double.NaN} for an unserved market and for a market
 *                             without benchmark demand
 * @param compositeDemand      {@code QC[j]}; 0 when unserved
 * @param quantities           {@code q[i][j]} in benchmark-value units
 * @param quotaRentRate        per exporter, the largest quota rent rate {@code r} on any of its flows;
 *                             0 when no quota binds
 * @param unserved             {@code true} for a market that had benchmark demand and lost every source
 * @param iterations           Newton steps taken (0 when the start already solved the system)
 * @param maxResidual          {@code max|F|} at the returned point
 * @param quotaRentRateByFlow  {@code r[i][j]}, the rent rate on flow {@code i -> j}: the export wedge on
 *                             that flow is multiplied by {@code 1 + r[i][j]}
 */
public record Equilibrium(double[] worldPrices, double[] compositePrices, double[] compositeDemand,
                          double[][] quantities, double[] quotaRentRate, boolean[] unserved, int iterations,
                          double maxResidual, double[][] quotaRentRateByFlow) {

    /**
     * Without per-flow rent rates: the exporter's rate {@code quotaRentRate[i]} is taken to apply on
     * every foreign flow of {@code i}.
     */
    public Equilibrium(double[] worldPrices, double[] compositePrices, double[] compositeDemand,
                       double[][] quantities, double[] quotaRentRate, boolean[] unserved, int iterations,
                       double maxResidual) {
        this(worldPrices, compositePrices, compositeDemand, quantities, quotaRentRate, unserved, iterations,
                maxResidual, byExporter(quotaRentRate));
    }

    /** Reported flow value at world (exporter) prices, {@code p[i] * q[i][j]} (MODEL.md 12). */
    public double value(int i, int j) {
        return worldPrices[i] * quantities[i][j];
    }

    public int size() {
        return worldPrices.length;
    }

    private static double[][] byExporter(double[] rate) {
        int n = rate.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = i == j ? 0 : rate[i];
            }
        }
        return r;
    }
}
