package org.rareearth.shared.scenario;

import java.util.List;

/**
 * One policy change in a scenario (MODEL.md section 5). Every event has an effective year
 * ({@code null} = always in force) and may be limited to some products ({@code null} = the
 * scenario's products). Events apply to foreign pairs only (MODEL.md 12).
 */
public sealed interface PolicyEvent {

    /** The year from which the event is in force, or {@code null} for always. */
    Integer year();

    /** The products the event is limited to, or {@code null} for all of the scenario's products. */
    List<String> products();

    /** The name used in the scenario document's {@code type} field. */
    String type();

    default boolean inForce(int aYear) {
        return year() == null || year() <= aYear;
    }

    default boolean coversProduct(String product) {
        return products() == null || products().contains(product);
    }

    /** Import tariff applied by {@code importers} on goods from {@code exporters}. */
    record Tariff(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
                  List<String> products) implements PolicyEvent {
        public String type() {
            return "TARIFF";
        }
    }

    /** Export tax or export-control wedge applied by {@code exporters} on goods to {@code importers}. */
    record ExportTax(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
                     List<String> products) implements PolicyEvent {
        public String type() {
            return "EXPORT_TAX";
        }
    }

    /**
     * Caps {@code exporter}'s foreign sales at {@code capShare} of its benchmark quantity. With
     * {@code importers == null} the cap is on total foreign exports; otherwise each listed flow is
     * capped at that share of its own benchmark quantity.
     */
    record ExportQuota(Integer year, String exporter, CountrySet importers, double capShare,
                       List<String> products) implements PolicyEvent {
        public String type() {
            return "EXPORT_QUOTA";
        }
    }

    /** Removes the flows from {@code exporters} to {@code importers}. */
    record Embargo(Integer year, CountrySet exporters, CountrySet importers, List<String> products) implements PolicyEvent {
        public String type() {
            return "EMBARGO";
        }
    }

    /** Ad-valorem equivalent of a non-tariff measure: raises prices, earns no revenue. */
    record Ntb(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
               List<String> products) implements PolicyEvent {
        public String type() {
            return "NTB";
        }
    }

    /**
     * Members drop barriers among themselves. Discriminatory: members' tariffs on non-members rise
     * to at least {@code externalTariff}. Open ({@code discriminatory == false}): members remove
     * their import tariffs, NTBs and export taxes towards everyone (MODEL.md 12).
     */
    record Coalition(Integer year, CountrySet members, boolean discriminatory, double externalTariff,
                     List<String> products) implements PolicyEvent {
        public String type() {
            return "COALITION";
        }
    }

    /** Cuts the import tariffs of {@code countries} (as importers) by the share {@code cut}. */
    record Liberalization(Integer year, double cut, CountrySet countries, List<String> products) implements PolicyEvent {
        public String type() {
            return "LIBERALIZATION";
        }
    }

    /**
     * Multiplies composite demand {@code A[j]} of {@code countries}: by {@code factor}, or by
     * {@code (1+annualGrowth)^(y-year+1)} in year {@code y} (exactly one of the two is set).
     */
    record DemandShift(Integer year, CountrySet countries, Double factor, Double annualGrowth,
                       List<String> products) implements PolicyEvent {
        public String type() {
            return "DEMAND_SHIFT";
        }
    }

    /** Multiplies export supply capacity {@code K[i]} of {@code countries}, like {@link DemandShift}. */
    record CapacityShift(Integer year, CountrySet countries, Double factor, Double annualGrowth,
                         List<String> products) implements PolicyEvent {
        public String type() {
            return "CAPACITY_SHIFT";
        }
    }
}
