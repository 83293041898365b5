package org.rareearth.shared.scenario;

import static org.rareearth.shared.scenario.EventFields.ANNUAL_GROWTH;
import static org.rareearth.shared.scenario.EventFields.CAP_SHARE;
import static org.rareearth.shared.scenario.EventFields.COUNTRIES;
import static org.rareearth.shared.scenario.EventFields.CUT;
import static org.rareearth.shared.scenario.EventFields.DISCRIMINATORY;
import static org.rareearth.shared.scenario.EventFields.EXPORTER;
import static org.rareearth.shared.scenario.EventFields.EXPORTERS;
import static org.rareearth.shared.scenario.EventFields.EXTERNAL_TARIFF;
import static org.rareearth.shared.scenario.EventFields.FACTOR;
import static org.rareearth.shared.scenario.EventFields.IMPORTERS;
import static org.rareearth.shared.scenario.EventFields.MEMBERS;
import static org.rareearth.shared.scenario.EventFields.MODE;
import static org.rareearth.shared.scenario.EventFields.PRODUCTS;
import static org.rareearth.shared.scenario.EventFields.RATE;
import static org.rareearth.shared.scenario.EventFields.TYPE;
import static org.rareearth.shared.scenario.EventFields.YEAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The event types of MODEL.md section 5, in its order: the one place that names them. The
 * constant's name is the document's {@code type}; each lists its fields in the order the writer
 * writes them. {@link ScenarioReader} derives its allowed types and fields from here, and dispatches
 * on the type with a {@code switch} expression that the compiler checks for every constant; each
 * {@link PolicyEvent} record names its constant once, in {@link PolicyEvent#kind()}.
 */
public enum PolicyEventType {

    TARIFF(Nature.POLICY, IMPORTERS, EXPORTERS, RATE, MODE),
    EXPORT_TAX(Nature.POLICY, EXPORTERS, IMPORTERS, RATE, MODE),
    EXPORT_QUOTA(Nature.POLICY, EXPORTER, IMPORTERS, CAP_SHARE),
    EMBARGO(Nature.POLICY, EXPORTERS, IMPORTERS),
    NTB(Nature.POLICY, IMPORTERS, EXPORTERS, RATE, MODE),
    COALITION(Nature.POLICY, MEMBERS, DISCRIMINATORY, EXTERNAL_TARIFF),
    LIBERALIZATION(Nature.POLICY, CUT, COUNTRIES),
    DEMAND_SHIFT(Nature.MARKET_DEVELOPMENT, COUNTRIES, FACTOR, ANNUAL_GROWTH),
    CAPACITY_SHIFT(Nature.MARKET_DEVELOPMENT, COUNTRIES, FACTOR, ANNUAL_GROWTH);

    /** Whether a type is policy or a development of the market a baseline keeps (MODEL.md 6). */
    private enum Nature {
        POLICY, MARKET_DEVELOPMENT
    }

    private final Nature nature;
    private final List<String> fields;

    PolicyEventType(Nature nature, String... own) {
        this.nature = nature;
        List<String> all = new ArrayList<>();
        all.add(TYPE);
        all.add(YEAR);
        all.addAll(Arrays.asList(own));
        all.add(PRODUCTS);
        this.fields = List.copyOf(all);
    }

    /** The type a document's {@code type} names (exact spelling), if any. */
    public static Optional<PolicyEventType> named(String name) {
        for (PolicyEventType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Every type name, in MODEL.md order: {@code TARIFF, EXPORT_TAX, ...}. */
    public static String allNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The fields an event of this type may have: {@code type}, {@code year}, its own, {@code products}. */
    public List<String> fields() {
        return fields;
    }

    /**
     * True for DEMAND_SHIFT and CAPACITY_SHIFT: developments of the market, not policy, which the
     * baseline a scenario is compared with keeps (MODEL.md 6).
     */
    public boolean isMarketDevelopment() {
        return nature == Nature.MARKET_DEVELOPMENT;
    }
}
