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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes a {@link Scenario} as the JSON document of MODEL.md section 11, in a form
 * {@link ScenarioReader} reads back to an equal scenario. Defaults are written out explicitly
 * (country lists, {@code mode}, the elasticities); groups are sorted by name; an infinite
 * {@code eps} is written as the string {@code "Infinity"}; {@code datasetVersion} only when the
 * scenario is pinned to one.
 */
public final class ScenarioWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioWriter() {
    }

    /** The scenario as pretty-printed JSON. */
    public static String toJson(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(toTree(scenario));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as a JSON tree. */
    public static ObjectNode toTree(Scenario s) {
        ObjectNode root = NODES.objectNode();
        root.put("name", s.name());
        root.put("baseYear", s.baseYear());
        if (s.horizon() != null) {
            root.put("horizon", s.horizon());
        }
        // only when pinned: a scenario that follows the current data set is written as before
        if (s.datasetVersion() != null) {
            root.put(PinnedDataset.FIELD, s.datasetVersion());
        }
        if (!s.products().isEmpty()) {
            root.set("products", strings(s.products()));
        }
        root.set("elasticities", elasticities(s.elasticities()));
        if (!s.groups().isEmpty()) {
            ObjectNode groups = root.putObject("groups");
            new TreeMap<>(s.groups()).forEach((name, members) -> groups.set(name, strings(members)));
        }
        ArrayNode events = root.putArray("events");
        for (PolicyEvent e : s.events()) {
            events.add(event(e));
        }
        return root;
    }

    private static ObjectNode elasticities(Elasticities el) {
        ObjectNode node = NODES.objectNode();
        node.put("sigma", el.sigma());
        node.put("eta", el.eta());
        putEps(node, el.eps());
        if (!el.overrides().isEmpty()) {
            ArrayNode list = node.putArray("overrides");
            for (ElasticityOverride o : el.overrides()) {
                ObjectNode on = list.addObject();
                if (o.product() != null) {
                    on.put("product", o.product());
                }
                if (o.country() != null) {
                    on.put("country", o.country());
                }
                if (o.sigma() != null) {
                    on.put("sigma", o.sigma());
                }
                if (o.eta() != null) {
                    on.put("eta", o.eta());
                }
                if (o.eps() != null) {
                    putEps(on, o.eps());
                }
            }
        }
        return node;
    }

    private static void putEps(ObjectNode node, double eps) {
        if (eps == Double.POSITIVE_INFINITY) {
            node.put("eps", "Infinity");
        } else {
            node.put("eps", eps);
        }
    }

    private static ObjectNode event(PolicyEvent event) {
        ObjectNode n = NODES.objectNode();
        n.put(TYPE, event.type());
        if (event.year() != null) {
            n.put(YEAR, event.year());
        }
        event.accept(new EventFieldsWriter(n));
        if (event.products() != null) {
            n.set(PRODUCTS, strings(event.products()));
        }
        return n;
    }

    /**
     * Writes the fields of each event type (in {@link PolicyEventType#fields()} order): a new
     * event type does not compile until it has its method here.
     */
    private record EventFieldsWriter(ObjectNode n) implements PolicyEvent.Visitor<Void> {

        @Override
        public Void visit(PolicyEvent.Tariff e) {
            countries(n, IMPORTERS, e.importers());
            countries(n, EXPORTERS, e.exporters());
            rate(n, e.rate(), e.mode());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.ExportTax e) {
            countries(n, EXPORTERS, e.exporters());
            countries(n, IMPORTERS, e.importers());
            rate(n, e.rate(), e.mode());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.ExportQuota e) {
            n.put(EXPORTER, e.exporter());
            if (e.importers() != null) {
                countries(n, IMPORTERS, e.importers());
            }
            n.put(CAP_SHARE, e.capShare());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Embargo e) {
            countries(n, EXPORTERS, e.exporters());
            countries(n, IMPORTERS, e.importers());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Ntb e) {
            countries(n, IMPORTERS, e.importers());
            countries(n, EXPORTERS, e.exporters());
            rate(n, e.rate(), e.mode());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Coalition e) {
            countries(n, MEMBERS, e.members());
            n.put(DISCRIMINATORY, e.discriminatory());
            if (e.discriminatory()) {
                n.put(EXTERNAL_TARIFF, e.externalTariff());
            }
            return null;
        }

        @Override
        public Void visit(PolicyEvent.Liberalization e) {
            n.put(CUT, e.cut());
            countries(n, COUNTRIES, e.countries());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.DemandShift e) {
            shift(n, e.countries(), e.factor(), e.annualGrowth());
            return null;
        }

        @Override
        public Void visit(PolicyEvent.CapacityShift e) {
            shift(n, e.countries(), e.factor(), e.annualGrowth());
            return null;
        }
    }

    private static void shift(ObjectNode n, CountrySet countries, Double factor, Double annualGrowth) {
        countries(n, COUNTRIES, countries);
        if (factor != null) {
            n.put(FACTOR, factor);
        }
        if (annualGrowth != null) {
            n.put(ANNUAL_GROWTH, annualGrowth);
        }
    }

    private static void rate(ObjectNode n, double rate, RateMode mode) {
        n.put(RATE, rate);
        n.put(MODE, mode.name().toLowerCase(Locale.ROOT));
    }

    private static void countries(ObjectNode n, String field, CountrySet set) {
        n.set(field, strings(set.tokens()));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
