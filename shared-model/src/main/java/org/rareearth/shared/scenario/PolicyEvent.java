package org.rareearth.shared.scenario;

import static org.rareearth.shared.scenario.EventFields.ANNUAL_GROWTH;
import static org.rareearth.shared.scenario.EventFields.CAP_SHARE;
import static org.rareearth.shared.scenario.EventFields.CUT;
import static org.rareearth.shared.scenario.EventFields.EXPORTER;
import static org.rareearth.shared.scenario.EventFields.EXTERNAL_TARIFF;
import static org.rareearth.shared.scenario.EventFields.FACTOR;
import static org.rareearth.shared.scenario.EventFields.MEMBERS;
import static org.rareearth.shared.scenario.EventFields.PRODUCTS;
import static org.rareearth.shared.scenario.EventFields.RATE;
import static org.rareearth.shared.scenario.EventFields.YEAR;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One policy change in a scenario (MODEL.md section 5). Every event has an effective year
 * ({@code null} = always in force) and may be limited to some products ({@code null} = the
 * scenario's products). Events apply to foreign pairs only (MODEL.md 12).
 *
 * <p>Each record enforces its invariants in its constructor (an invalid event throws an
 * {@link InvalidEventException} and never exists): numbers within their {@link NumberRule}, a
 * year within {@value #FIRST_YEAR}..{@value #LAST_YEAR}, a {@code products} list that is absent
 * or non-empty without duplicates, exactly one of {@code factor} or {@code annualGrowth} on a
 * shift, no {@code externalTariff} on an open coalition. A {@code null} country list means
 * {@code "*"} (except {@link ExportQuota#importers()}: {@code null} caps total foreign sales) and
 * a {@code null} mode {@link RateMode#SET}; both are replaced in the constructor.
 * {@link ScenarioReader} checks the same rules field by field, so that a document reports every
 * problem with its path.
 *
 * <p>Consumers dispatch through {@link #accept(Visitor)}: a new record needs a new
 * {@link Visitor} method, and every consumer fails to compile until it handles it.
 */
public sealed interface PolicyEvent {

    /** First and last allowed event {@code year}. */
    int FIRST_YEAR = 1900;
    int LAST_YEAR = 2200;

    /** The problem of an empty {@code products} list. */
    String EMPTY_PRODUCTS = "must not be empty (leave it out for all of the scenario's products)";

    /** The problem of an {@code externalTariff} on an open coalition. */
    String EXTERNAL_TARIFF_OPEN = "only applies to a discriminatory coalition (discriminatory: true)";

    /** The year from which the event is in force, or {@code null} for always. */
    Integer year();

    /** The products the event is limited to, or {@code null} for all of the scenario's products. */
    List<String> products();

    /** Calls the {@code visitor}'s method for this record. */
    <R> R accept(Visitor<R> visitor);

    /** The event's type: each record names its own, once. */
    PolicyEventType kind();

    /** The name used in the scenario document's {@code type} field. */
    default String type() {
        return kind().name();
    }

    default boolean inForce(int aYear) {
        return year() == null || year() <= aYear;
    }

    default boolean coversProduct(String product) {
        return products() == null || products().contains(product);
    }

    /**
     * One method per record: a consumer that implements it handles every event type, and a new
     * record is a compile error in each consumer until it does.
     */
    interface Visitor<R> {
        R visit(Tariff event);

        R visit(ExportTax event);

        R visit(ExportQuota event);

        R visit(Embargo event);

        R visit(Ntb event);

        R visit(Coalition event);

        R visit(Liberalization event);

        R visit(DemandShift event);

        R visit(CapacityShift event);
    }

    // ------------------------------------------------------------------------- the shared rules

    /** What is wrong with an event {@code year}, or empty. */
    static Optional<String> yearProblem(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR
                ? Optional.of("must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", was " + year)
                : Optional.empty();
    }

    /** What is wrong with a shift that has (or has not) a factor and an annual growth, or empty. */
    static Optional<String> shiftChoiceProblem(boolean hasFactor, boolean hasGrowth) {
        return hasFactor == hasGrowth
                ? Optional.of("needs exactly one of " + FACTOR + " or " + ANNUAL_GROWTH + (hasFactor ? ", not both" : ""))
                : Optional.empty();
    }

    private static void requireNumber(PolicyEventType type, String field, NumberRule rule, double x) {
        Optional<NumberRule.Breach> breach = rule.breach(x);
        if (breach.isPresent()) {
            throw new InvalidEventException(type, field, breach.get().message(String.valueOf(x)));
        }
    }

    private static void requireYear(PolicyEventType type, Integer year) {
        if (year != null) {
            yearProblem(year).ifPresent(problem -> {
                throw new InvalidEventException(type, YEAR, problem);
            });
        }
    }

    private static List<String> checkedProducts(PolicyEventType type, List<String> products) {
        if (products == null) {
            return null;
        }
        if (products.isEmpty()) {
            throw new InvalidEventException(type, PRODUCTS, EMPTY_PRODUCTS);
        }
        Set<String> seen = new HashSet<>();
        for (String p : products) {
            if (!seen.add(Objects.requireNonNull(p, "product"))) {
                throw new InvalidEventException(type, PRODUCTS, "product " + p + " listed twice");
            }
        }
        return List.copyOf(products);
    }

    private static CountrySet orAll(CountrySet set) {
        return set == null ? CountrySet.all() : set;
    }

    private static RateMode orSet(RateMode mode) {
        return mode == null ? RateMode.SET : mode;
    }

    private static void requireShift(PolicyEventType type, Double factor, Double growth) {
        shiftChoiceProblem(factor != null, growth != null).ifPresent(problem -> {
            throw new InvalidEventException(type, "", problem);
        });
        if (factor != null) {
            requireNumber(type, FACTOR, NumberRule.FACTOR, factor);
        }
        if (growth != null) {
            requireNumber(type, ANNUAL_GROWTH, NumberRule.ANNUAL_GROWTH, growth);
        }
    }

    // ---------------------------------------------------------------------------------- records

    /** Import tariff applied by {@code importers} on goods from {@code exporters}. */
    record Tariff(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
                  List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.TARIFF;

        public Tariff {
            requireYear(TYPE, year);
            exporters = orAll(exporters);
            importers = orAll(importers);
            requireNumber(TYPE, RATE, NumberRule.RATE, rate);
            mode = orSet(mode);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Export tax or export-control wedge applied by {@code exporters} on goods to {@code importers}. */
    record ExportTax(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
                     List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.EXPORT_TAX;

        public ExportTax {
            requireYear(TYPE, year);
            exporters = orAll(exporters);
            importers = orAll(importers);
            requireNumber(TYPE, RATE, NumberRule.RATE, rate);
            mode = orSet(mode);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Caps {@code exporter}'s foreign sales at {@code capShare} of its benchmark quantity. With
     * {@code importers == null} the cap is on total foreign exports; otherwise each listed flow is
     * capped at that share of its own benchmark quantity.
     */
    record ExportQuota(Integer year, String exporter, CountrySet importers, double capShare,
                       List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.EXPORT_QUOTA;

        public ExportQuota {
            requireYear(TYPE, year);
            if (exporter == null || exporter.isBlank()) {
                throw new InvalidEventException(TYPE, EXPORTER, "is required");
            }
            if (CountrySet.ALL.equals(exporter)) {
                throw new InvalidEventException(TYPE, EXPORTER,
                        "must be one ISO3 country code, not \"" + exporter + "\"");
            }
            requireNumber(TYPE, CAP_SHARE, NumberRule.SHARE, capShare);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Removes the flows from {@code exporters} to {@code importers}. */
    record Embargo(Integer year, CountrySet exporters, CountrySet importers, List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.EMBARGO;

        public Embargo {
            requireYear(TYPE, year);
            exporters = orAll(exporters);
            importers = orAll(importers);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Ad-valorem equivalent of a non-tariff measure: raises prices, earns no revenue. */
    record Ntb(Integer year, CountrySet exporters, CountrySet importers, double rate, RateMode mode,
               List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.NTB;

        public Ntb {
            requireYear(TYPE, year);
            exporters = orAll(exporters);
            importers = orAll(importers);
            requireNumber(TYPE, RATE, NumberRule.RATE, rate);
            mode = orSet(mode);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Members drop barriers among themselves. Discriminatory: members' tariffs on non-members rise
     * to at least {@code externalTariff}. Open ({@code discriminatory == false}): members remove
     * their import tariffs, NTBs and export taxes towards everyone (MODEL.md 12); its
     * {@code externalTariff} must be 0.
     */
    record Coalition(Integer year, CountrySet members, boolean discriminatory, double externalTariff,
                     List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.COALITION;

        public Coalition {
            requireYear(TYPE, year);
            if (members == null) {
                throw new InvalidEventException(TYPE, MEMBERS, "is required");
            }
            requireNumber(TYPE, EXTERNAL_TARIFF, NumberRule.RATE, externalTariff);
            if (!discriminatory && externalTariff != 0) {
                throw new InvalidEventException(TYPE, EXTERNAL_TARIFF, EXTERNAL_TARIFF_OPEN);
            }
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Cuts the import tariffs of {@code countries} (as importers) by the share {@code cut}. */
    record Liberalization(Integer year, double cut, CountrySet countries, List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.LIBERALIZATION;

        public Liberalization {
            requireYear(TYPE, year);
            requireNumber(TYPE, CUT, NumberRule.SHARE, cut);
            countries = orAll(countries);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Multiplies composite demand {@code A[j]} of {@code countries}: by {@code factor}, or by
     * {@code (1+annualGrowth)^(y-year+1)} in year {@code y} (exactly one of the two is set).
     */
    record DemandShift(Integer year, CountrySet countries, Double factor, Double annualGrowth,
                       List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.DEMAND_SHIFT;

        public DemandShift {
            requireYear(TYPE, year);
            countries = orAll(countries);
            requireShift(TYPE, factor, annualGrowth);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** Multiplies export supply capacity {@code K[i]} of {@code countries}, like {@link DemandShift}. */
    record CapacityShift(Integer year, CountrySet countries, Double factor, Double annualGrowth,
                         List<String> products) implements PolicyEvent {
        private static final PolicyEventType TYPE = PolicyEventType.CAPACITY_SHIFT;

        public CapacityShift {
            requireYear(TYPE, year);
            countries = orAll(countries);
            requireShift(TYPE, factor, annualGrowth);
            products = checkedProducts(TYPE, products);
        }

        @Override
        public PolicyEventType kind() {
            return TYPE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
