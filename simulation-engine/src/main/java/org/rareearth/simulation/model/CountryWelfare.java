package org.rareearth.simulation.model;

/**
 * Welfare change of one country relative to the benchmark (MODEL.md 4), thousand USD.
 *
 * @param producerSurplus  {@code dPS}
 * @param consumerSurplus  {@code dCS}; {@code -Infinity} for an unserved market when {@code eta >= -1}
 * @param tariffRevenue    {@code dTR}: import-tariff revenue minus the benchmark's
 * @param exportTaxRevenue {@code dXR}: export-tax revenue minus the benchmark's, <em>including</em> the quota rent
 * @param quotaRent        the export-quota rent (the benchmark has none); already inside {@code exportTaxRevenue}
 * @param net              {@code dPS + dCS + dTR + dXR} (the quota rent counted once)
 */
public record CountryWelfare(double producerSurplus, double consumerSurplus, double tariffRevenue,
                             double exportTaxRevenue, double quotaRent, double net) {
}
