package org.rareearth.shared.trade;

import java.util.Objects;

/**
 * One observed bilateral flow: exporter {@code i} ships product {@code k} to importer {@code j}
 * in year {@code t} (MODEL.md section 1). Countries are ISO3 codes, products HS6 codes.
 *
 * @param value    thousand USD at the exporter's (world, pre-duty) price
 * @param quantity metric tons, {@code NaN} when the source leaves it empty
 */
public record TradeFlow(int year, String exporter, String importer, String product, double value, double quantity) {

    public TradeFlow {
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(product, "product");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("flow " + exporter + "->" + importer + " " + product
                    + " in " + year + ": value must be a finite number >= 0, was " + value);
        }
    }

    public boolean isDomestic() {
        return exporter.equals(importer);
    }
}
