package org.rareearth.shared.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
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
        n.put("type", event.type());
        if (event.year() != null) {
            n.put("year", event.year());
        }
        if (event instanceof PolicyEvent.Tariff e) {
            countries(n, "importers", e.importers());
            countries(n, "exporters", e.exporters());
            rate(n, e.rate(), e.mode());
        } else if (event instanceof PolicyEvent.ExportTax e) {
            countries(n, "exporters", e.exporters());
            countries(n, "importers", e.importers());
            rate(n, e.rate(), e.mode());
        } else if (event instanceof PolicyEvent.ExportQuota e) {
            n.put("exporter", e.exporter());
            if (e.importers() != null) {
                countries(n, "importers", e.importers());
            }
            n.put("capShare", e.capShare());
        } else if (event instanceof PolicyEvent.Embargo e) {
            countries(n, "exporters", e.exporters());
            countries(n, "importers", e.importers());
        } else if (event instanceof PolicyEvent.Ntb e) {
            countries(n, "importers", e.importers());
            countries(n, "exporters", e.exporters());
            rate(n, e.rate(), e.mode());
        } else if (event instanceof PolicyEvent.Coalition e) {
            countries(n, "members", e.members());
            n.put("discriminatory", e.discriminatory());
            if (e.discriminatory()) {
                n.put("externalTariff", e.externalTariff());
            }
        } else if (event instanceof PolicyEvent.Liberalization e) {
            n.put("cut", e.cut());
            countries(n, "countries", e.countries());
        } else if (event instanceof PolicyEvent.DemandShift e) {
            shift(n, e.countries(), e.factor(), e.annualGrowth());
        } else if (event instanceof PolicyEvent.CapacityShift e) {
            shift(n, e.countries(), e.factor(), e.annualGrowth());
        }
        if (event.products() != null) {
            n.set("products", strings(event.products()));
        }
        return n;
    }

    private static void shift(ObjectNode n, CountrySet countries, Double factor, Double annualGrowth) {
        countries(n, "countries", countries);
        if (factor != null) {
            n.put("factor", factor);
        }
        if (annualGrowth != null) {
            n.put("annualGrowth", annualGrowth);
        }
    }

    private static void rate(ObjectNode n, double rate, RateMode mode) {
        n.put("rate", rate);
        n.put("mode", (mode == null ? RateMode.SET : mode).name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A country list; {@code null} (which the reader never produces) is written as {@code "*"}. */
    private static void countries(ObjectNode n, String field, CountrySet set) {
        n.set(field, strings(set == null ? List.of(CountrySet.ALL) : set.tokens()));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
