package org.rareearth.network.metrics;

/**
 * Per-country indicators (MODEL.md 8). Supplier concentration is null for a country with no
 * imports (MODEL.md 12).
 */
public record CountryIndicators(int inDegree, int outDegree, double inStrength, double outStrength, double pageRank,
                                double betweenness, Double supplierHHI, Double largestSupplierShare, int community) {
}
