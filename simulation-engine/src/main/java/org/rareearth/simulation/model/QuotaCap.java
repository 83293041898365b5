package org.rareearth.simulation.model;

/**
 * An export quota (MODEL.md section 3, "Export quotas"): exporter {@code exporter} may sell at most
 * {@code capShare} of its benchmark quantity, on all foreign markets together
 * ({@code importer == ALL_FOREIGN}) or on the one flow to {@code importer}.
 */
public record QuotaCap(int exporter, int importer, double capShare) {

    public static final int ALL_FOREIGN = -1;

    public QuotaCap {
        if (!(capShare >= 0) || Double.isInfinite(capShare)) {
            throw new IllegalArgumentException("quota capShare must be finite and >= 0, was " + capShare);
        }
    }

    public boolean coversAllForeign() {
        return importer == ALL_FOREIGN;
    }
}
