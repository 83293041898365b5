package org.rareearth.simulation.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.rareearth.shared.scenario.CountrySet;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.PolicyEventType;
import org.rareearth.shared.scenario.RateMode;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.scenario.ScenarioBounds;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

/**
 * Turns a scenario's events into the {@link PolicyState} of one market in one year (MODEL.md
 * sections 5, 11 and 12).
 *
 * <p>A market is one HS6 product, or an aggregate of several products whose flows were summed. An
 * event limited to some {@code products} applies to the market only when it covers every product
 * of the market; an event that covers only part of an aggregate cannot be expressed on the summed
 * flows, so it is <em>not</em> applied and is reported in {@link #warnings()}. An event whose
 * products do not overlap the market at all simply does not concern it (no warning).
 *
 * <p>{@link #stateFor(int, List, PolicyState)} starts from a copy of the benchmark state and
 * applies, in document order, every event in force in that year (event year {@code null} = always,
 * otherwise {@code year <= y}). Rules:
 * <ul>
 *   <li>Events touch foreign pairs only; the diagonal (domestic shipments) is never changed.</li>
 *   <li>Country lists resolve with {@link CountrySet#resolve}: {@code "*"} = every country of this
 *       market, group names through {@link Scenario#allGroups()} (scenario groups over built-in
 *       ones such as {@code EU27}), countries not in this market are ignored. (A {@code null} country
 *       list on an event was made {@code "*"} by the event itself, except
 *       {@code ExportQuota.importers}, where {@code null} means a cap on total foreign sales.)</li>
 *   <li>{@code mode} SET (the default) replaces the rate, ADD adds to it.</li>
 *   <li>TARIFF / EXPORT_TAX / NTB set the import tariff / export tax / NTB of flows
 *       exporters to importers; EMBARGO closes them.</li>
 *   <li>EXPORT_QUOTA adds a {@link QuotaCap}: one on total foreign sales when {@code importers} is
 *       {@code null}, otherwise one per listed foreign flow.</li>
 *   <li>COALITION removes tariffs, export taxes, NTBs and embargoes among members (both directions).
 *       Discriminatory: each member's import tariff on every non-member exporter becomes
 *       {@code max(current, externalTariff)}. Open: in addition members' import tariffs and NTBs on
 *       goods from everyone and members' export taxes towards everyone are removed (embargoes with
 *       non-members stay). Export quotas are not removed by a coalition: they are quantity
 *       restrictions, not wedges, and {@link PolicyState} offers no way to drop one.</li>
 *   <li>LIBERALIZATION multiplies the listed importers' import tariffs (from every exporter) by
 *       {@code 1 - cut}; export taxes and NTBs are untouched.</li>
 *   <li>DEMAND_SHIFT / CAPACITY_SHIFT multiply {@code A[j]} / {@code K[i]}: by {@code factor} from
 *       the event's year on, or with {@code annualGrowth = g} from year {@code e} by
 *       {@code (1+g)^(y-e+1)} in year {@code y >= e}. A growth event without a year grows from the
 *       first year after the scenario's base year ({@code e = baseYear + 1}), so that the calibrated
 *       base year is unchanged.</li>
 *   <li>Bounds ({@link ScenarioBounds}, docs/model-choices.md): the reader bounds each number of
 *       the document and each event record its own numbers; what only events together can reach is
 *       checked here, when a year's state is built. A rate raised by {@code mode: add} above {@link ScenarioBounds#MAX_RATE}, or a
 *       country's demand or capacity multiplied by the shifts in force beyond
 *       {@link ScenarioBounds#MIN_SHIFT_MULTIPLIER}..{@link ScenarioBounds#MAX_SHIFT_MULTIPLIER},
 *       throws an {@link IllegalArgumentException} naming the year, the events and the countries:
 *       such a year is not solved rather than solved to numbers without meaning.</li>
 * </ul>
 * Event indices in labels and warnings are 0-based positions in the scenario's {@code events}
 * array, written {@code events[k]}.
 */
public final class ScenarioPolicy {

    private final Scenario scenario;
    private final List<String> products;
    private final Map<String, List<String>> groups;
    /** For each event of the scenario: does it concern this market's products. */
    private final boolean[] concernsMarket;
    private final List<Integer> partialEvents;
    private final List<String> warnings;

    /**
     * @param scenario the scenario (its events are valid by construction: each {@link PolicyEvent}
     *                 record refuses a value outside its bounds, so nothing is re-checked here)
     * @param products the HS6 products that make up the market being solved (one, or several whose
     *                 flows were summed); not empty
     */
    public ScenarioPolicy(Scenario scenario, List<String> products) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(products, "products");
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a market needs at least one product");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String p : products) {
            distinct.add(Objects.requireNonNull(p, "product"));
        }
        this.products = List.copyOf(distinct);
        this.groups = scenario.allGroups();
        List<PolicyEvent> events = scenario.events();
        this.concernsMarket = new boolean[events.size()];
        List<Integer> partial = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            PolicyEvent event = events.get(k);
            List<String> covered = event.products();
            if (covered == null || covered.containsAll(this.products)) {
                concernsMarket[k] = true;
            } else {
                List<String> overlap = new ArrayList<>();
                for (String p : this.products) {
                    if (covered.contains(p)) {
                        overlap.add(p);
                    }
                }
                if (!overlap.isEmpty()) {
                    partial.add(k);
                    warn.add(label(k, event) + " covers only " + overlap + " of the aggregate market "
                            + this.products + "; it cannot apply to part of summed flows and is not applied");
                }
            }
        }
        this.partialEvents = List.copyOf(partial);
        this.warnings = List.copyOf(warn);
    }

    /** A policy with no events at all (the baseline of MODEL.md 6 without shifts). */
    public static ScenarioPolicy none(int baseYear, List<String> products) {
        return new ScenarioPolicy(Scenario.baseline(baseYear, null, products), products);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The products of the market this policy is for. */
    public List<String> products() {
        return products;
    }

    /**
     * Every event that covers only part of this (aggregate) market and is therefore never applied,
     * whatever the year. Each message names the event ({@code events[k]}) and its type.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The warnings of {@link #warnings()} about events that would be in force in {@code year}. */
    public List<String> warnings(int year) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < partialEvents.size(); n++) {
            if (scenario.events().get(partialEvents.get(n)).inForce(year)) {
                out.add(warnings.get(n));
            }
        }
        return out;
    }

    /**
     * Indices (0-based, document order) of the events applied to this market in {@code year}: in
     * force and covering the market's products. An event whose countries are all outside the market
     * is still listed (it is in force, it just changes nothing here).
     */
    public List<Integer> appliedEvents(int year) {
        List<Integer> out = new ArrayList<>();
        List<PolicyEvent> events = scenario.events();
        for (int k = 0; k < events.size(); k++) {
            if (concernsMarket[k] && events.get(k).inForce(year)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The events of {@link #appliedEvents(int)} as labels such as {@code "events[2] TARIFF (from 2025)"}. */
    public List<String> appliedEventLabels(int year) {
        List<String> out = new ArrayList<>();
        for (int k : appliedEvents(year)) {
            PolicyEvent event = scenario.events().get(k);
            out.add(label(k, event) + (event.year() == null ? " (always)" : " (from " + event.year() + ")"));
        }
        return out;
    }

    /**
     * A copy of {@code benchmark} with every event in force in {@code year} applied in document
     * order.
     *
     * @param countries the market's countries, indexed like {@code benchmark}
     */
    public PolicyState stateFor(int year, List<String> countries, PolicyState benchmark) {
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(benchmark, "benchmark");
        if (countries.size() != benchmark.size()) {
            throw new IllegalArgumentException("the market has " + countries.size() + " countries but the benchmark state "
                    + benchmark.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < countries.size(); i++) {
            if (index.put(countries.get(i), i) != null) {
                throw new IllegalArgumentException("country listed twice: " + countries.get(i));
            }
        }
        PolicyState state = benchmark.copy();
        for (int k : appliedEvents(year)) {
            scenario.events().get(k).accept(new EventApplication(k, year, countries, index, state));
        }
        requireShiftsInRange(year, countries, state);
        return state;
    }

    /**
     * Applies one event to the state of one year: one method per event type, so a new type does
     * not compile until it is applied here.
     */
    private final class EventApplication implements PolicyEvent.Visitor<Void> {
        private final int k;
        private final int year;
        private final List<String> countries;
        private final Map<String, Integer> index;
        private final PolicyState s;

        EventApplication(int k, int year, List<String> countries, Map<String, Integer> index, PolicyState s) {
            this.k = k;
            this.year = year;
            this.countries = countries;
            this.index = index;
            this.s = s;
        }

        @Override
        public Void visit(PolicyEvent.Tariff e) {
            for (int i : resolve(e.exporters(), index)) {
                for (int j : resolve(e.importers(), index)) {
                    if (i != j) {
                        double rate = rate(e.mode(), s.tariff(i, j), e.rate());
                        requireRateInRange(k, e, year, rate, () -> "the import tariff of " + countries.get(j)
                                + " on goods from " + countries.get(i));
                        s.setTariff(i, j, rate);
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.ExportTax e) {
            for (int i : resolve(e.exporters(), index)) {
                for (int j : resolve(e.importers(), index)) {
                    if (i != j) {
                        double rate = rate(e.mode(), s.exportTax(i, j), e.rate());
                        requireRateInRange(k, e, year, rate, () -> "the export tax of " + countries.get(i)
                                + " on goods to " + countries.get(j));
                        s.setExportTax(i, j, rate);
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Ntb e) {
            for (int i : resolve(e.exporters(), index)) {
                for (int j : resolve(e.importers(), index)) {
                    if (i != j) {
                        double rate = rate(e.mode(), s.ntb(i, j), e.rate());
                        requireRateInRange(k, e, year, rate, () -> "the NTB of " + countries.get(j)
                                + " on goods from " + countries.get(i));
                        s.setNtb(i, j, rate);
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Embargo e) {
            for (int i : resolve(e.exporters(), index)) {
                for (int j : resolve(e.importers(), index)) {
                    if (i != j) {
                        s.setEmbargoed(i, j, true);
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.ExportQuota e) {
            for (int i : resolve(CountrySet.of(e.exporter()), index)) {
                if (e.importers() == null) {
                    s.addQuota(new QuotaCap(i, QuotaCap.ALL_FOREIGN, e.capShare()));
                } else {
                    for (int j : resolve(e.importers(), index)) {
                        if (i != j) {
                            s.addQuota(new QuotaCap(i, j, e.capShare()));
                        }
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Coalition e) {
            applyCoalition(e, resolve(e.members(), index), s);
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Liberalization e) {
            double keep = 1 - e.cut();
            for (int j : resolve(e.countries(), index)) {
                for (int i = 0; i < s.size(); i++) {
                    if (i != j) {
                        s.setTariff(i, j, s.tariff(i, j) * keep);
                    }
                }
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.DemandShift e) {
            double f = multiplier(e.year(), e.factor(), e.annualGrowth(), year);
            for (int j : resolve(e.countries(), index)) {
                s.shiftDemand(j, f);
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.CapacityShift e) {
            double f = multiplier(e.year(), e.factor(), e.annualGrowth(), year);
            for (int i : resolve(e.countries(), index)) {
                s.shiftCapacity(i, f);
            }
            return null;
        }
    }

    private static void applyCoalition(PolicyEvent.Coalition e, List<Integer> members, PolicyState s) {
        int n = s.size();
        boolean[] member = new boolean[n];
        for (int m : members) {
            member[m] = true;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                if (member[i] && member[j]) {
                    s.setTariff(i, j, 0);
                    s.setExportTax(i, j, 0);
                    s.setNtb(i, j, 0);
                    s.setEmbargoed(i, j, false);
                } else if (e.discriminatory()) {
                    if (member[j]) { // non-member i exports to member j
                        s.setTariff(i, j, Math.max(s.tariff(i, j), e.externalTariff()));
                    }
                } else {
                    if (member[j]) { // open: member j drops its import tariff and NTB on everyone
                        s.setTariff(i, j, 0);
                        s.setNtb(i, j, 0);
                    }
                    if (member[i]) { // open: member i drops its export tax towards everyone
                        s.setExportTax(i, j, 0);
                    }
                }
            }
        }
    }

    /** Multiplier of a shift event in force in {@code year}. */
    private double multiplier(Integer from, Double factor, Double growth, int year) {
        if (factor != null) {
            return factor;
        }
        int start = from != null ? from : scenario.baseYear() + 1;
        if (year < start) {
            return 1.0;
        }
        return Math.pow(1 + growth, year - start + 1);
    }

    private static double rate(RateMode mode, double current, double rate) {
        return mode == RateMode.ADD ? current + rate : rate;
    }

    /**
     * A rate in force may not exceed {@link ScenarioBounds#MAX_RATE} either: each event's own rate
     * is bounded by the reader, but {@code mode: add} events (on top of the benchmark rate) add up.
     */
    private static void requireRateInRange(int k, PolicyEvent event, int year, double rate,
                                           Supplier<String> what) {
        if (!ScenarioBounds.isRate(rate)) {
            throw new IllegalArgumentException(label(k, event) + " raises " + what.get() + " to " + rate + " in " + year
                    + "; a rate in force must lie in " + ScenarioBounds.RATE_RANGE + ", also when events with mode add"
                    + " accumulate; " + ScenarioBounds.RATE_HINT);
        }
    }

    /**
     * The shifts in force multiply a country's demand {@code A} or capacity {@code K}; compounded
     * over a long path they could reach any size. Outside
     * {@link ScenarioBounds#SHIFT_MULTIPLIER_RANGE} the year is refused.
     */
    private void requireShiftsInRange(int year, List<String> countries, PolicyState state) {
        for (int i = 0; i < countries.size(); i++) {
            requireShiftInRange(year, PolicyEventType.DEMAND_SHIFT, "demand", countries.get(i), state.demandShift(i));
            requireShiftInRange(year, PolicyEventType.CAPACITY_SHIFT, "capacity", countries.get(i), state.capacityShift(i));
        }
    }

    private void requireShiftInRange(int year, PolicyEventType type, String what, String country, double multiplier) {
        if (ScenarioBounds.isShiftMultiplier(multiplier)) {
            return;
        }
        List<String> events = new ArrayList<>();
        for (int k : appliedEvents(year)) {
            if (scenario.events().get(k).kind() == type) {
                events.add("events[" + k + "]");
            }
        }
        throw new IllegalArgumentException("the " + type + " events in force in " + year + " (" + String.join(", ", events)
                + ") multiply the " + what + " of " + country + " by " + multiplier + ", outside "
                + ScenarioBounds.SHIFT_MULTIPLIER_RANGE + ", the most the shifts together may change it");
    }

    private List<Integer> resolve(CountrySet set, Map<String, Integer> index) {
        TreeSet<String> names = set.resolve(groups, index.keySet());
        List<Integer> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(index.get(name));
        }
        return out;
    }

    private static String label(int k, PolicyEvent event) {
        return "events[" + k + "] " + event.type();
    }
}
