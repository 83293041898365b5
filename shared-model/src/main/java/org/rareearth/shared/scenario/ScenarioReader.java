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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.rareearth.shared.values.Hs6;

/**
 * Reads and validates the scenario document of MODEL.md section 11.
 *
 * <p>Every problem is collected (not only the first) and thrown together as a
 * {@link ScenarioException}; each names its field path, e.g. {@code events[2].rate: must be >= 0,
 * was -0.1}. Rules (see also {@code scenarios/README.md}):
 * <ul>
 *   <li>Unknown fields are rejected everywhere, including fields that exist for another event type
 *       (e.g. {@code mode} on an EMBARGO). JSON {@code null} counts as an absent field. Duplicate
 *       keys are a JSON error.</li>
 *   <li>{@code name} (non-blank) and {@code baseYear} are required; {@code baseYear} must be a year
 *       with data ({@link ScenarioContext#firstYear()}..{@link ScenarioContext#lastYear()}).
 *       {@code horizon} is optional ({@code null} = the base year alone), must be
 *       {@code >= baseYear} and at most {@code baseYear + 100}.</li>
 *   <li>{@code datasetVersion} is optional: {@code sha256:} and 64 lowercase hex digits
 *       ({@link Scenario#DATASET_VERSION}) pins the scenario to that data-set version; absent or
 *       {@code null} follows the current data set. Only the form is checked here.</li>
 *   <li>{@code products} is optional: a list of distinct known HS6 codes (strings); absent or empty
 *       means the caller decides. A code that is not six digits is reported as malformed, a
 *       six-digit code the data do not have as unknown.</li>
 *   <li>{@code groups}: name to a non-empty list of distinct ISO3 codes of the data (no nesting, no
 *       {@code "*"}). A group name must not be {@code "*"} or an ISO3 code of the data; it may
 *       shadow a built-in group such as {@code EU27}.</li>
 *   <li>A country list ({@code exporters}, {@code importers}, {@code countries}, {@code members})
 *       is a JSON list or a single string; each entry an ISO3 code of the data, {@code "*"} (alone),
 *       a group of the scenario or a built-in group ({@link CountryGroups}); not empty, no
 *       duplicates.</li>
 *   <li>{@code type} is required, one of {@link PolicyEventType}. {@code year} is optional
 *       ({@code null} = always in force); a year before {@code baseYear} is allowed and means
 *       "already in force in the base year"; a year after {@code horizon} is allowed too (the caller may
 *       forecast further than the document's horizon). Years must lie in {@value PolicyEvent#FIRST_YEAR}..{@value PolicyEvent#LAST_YEAR}.</li>
 *   <li>Event {@code products} (optional): a non-empty list of the scenario's products, or of the
 *       data's products when the scenario lists none.</li>
 *   <li>Every number has a range ({@link ScenarioBounds}); a problem names it. Rates ({@code rate},
 *       {@code externalTariff}) lie in [0, 10] (up to 1000 %; a prohibitive barrier is an EMBARGO);
 *       {@code mode} is {@code set} (default) or {@code add}; {@code capShare} and {@code cut} lie
 *       in [0, 1].</li>
 *   <li>TARIFF and NTB: {@code importers} required, {@code exporters} default {@code "*"}.
 *       EXPORT_TAX: {@code exporters} required, {@code importers} default {@code "*"}. EMBARGO:
 *       both required (write {@code "*"} for a total ban). EXPORT_QUOTA: {@code exporter} one ISO3
 *       code; {@code importers} optional (absent = cap on total foreign sales). COALITION:
 *       {@code members} and {@code discriminatory} required; {@code externalTariff} default 0 and
 *       only allowed when discriminatory. LIBERALIZATION: {@code cut} required, {@code countries}
 *       default {@code "*"}. DEMAND_SHIFT / CAPACITY_SHIFT: {@code countries} default {@code "*"},
 *       exactly one of {@code factor} (0.001 to 1000) or {@code annualGrowth} (-0.5 to 1).</li>
 *   <li>{@code elasticities} (optional; missing values take {@link Elasticities#DEFAULTS}):
 *       {@code 0 < sigma <= 50} and {@code != 1}, {@code -10 <= eta < 0}, {@code 0 <= eps <= 100}
 *       where {@code eps} may also be the string {@code "Infinity"} (or {@code "inf"}) for a
 *       perfectly elastic supply. Each override names a product and/or an ISO3 country and sets at least one value; two
 *       overrides for the same product and country are rejected.</li>
 *   <li>No string value and no object key may contain a NUL character (U+0000): a database cannot
 *       store it. Each is reported at its field path with the document's other problems (and
 *       replaces any other problem at that path).</li>
 * </ul>
 */
public final class ScenarioReader {

    static final int MAX_HORIZON_YEARS = 100;

    private static final List<String> TOP_FIELDS = List.of("name", "baseYear", "horizon", PinnedDataset.FIELD,
            "products", "elasticities", "groups", "events");
    private static final String NUL_PROBLEM = "contains a NUL character (U+0000), which cannot be stored";
    /** Longest part of a rejected text value that a message repeats. */
    private static final int MAX_QUOTED = 80;
    private static final List<String> ELASTICITY_FIELDS = List.of("sigma", "eta", "eps", "overrides");
    private static final List<String> OVERRIDE_FIELDS = List.of("product", "country", "sigma", "eta", "eps");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ScenarioContext context;
    private final List<ScenarioProblem> problems = new ArrayList<>();
    private final Set<String> groupNames = new LinkedHashSet<>();
    /** Paths with a NUL character: that problem stands for every other one at the same path. */
    private final Set<String> nulPaths = new HashSet<>();
    private List<String> scenarioProducts = List.of();
    /**
     * Every problem found, also those not listed because a NUL problem stands for their path: an
     * event is only built when its fields added none.
     */
    private int failures;

    private ScenarioReader(ScenarioContext context) {
        this.context = context;
    }

    /**
     * Parses and validates a scenario document.
     *
     * @throws ScenarioException with every problem found
     */
    public static Scenario read(String json, ScenarioContext context) {
        if (context == null) {
            throw new NullPointerException("context");
        }
        if (json == null || json.isBlank()) {
            throw ScenarioException.malformed(new ScenarioProblem("", "empty document"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ScenarioException.malformed(new ScenarioProblem("", "malformed JSON" + where + ": "
                    + e.getOriginalMessage()));
        }
        return new ScenarioReader(context).scenario(root);
    }

    /** Reads a scenario file (UTF-8). */
    public static Scenario read(Path file, ScenarioContext context) throws IOException {
        return read(Files.readString(file), context);
    }

    // ---------------------------------------------------------------------------------- document

    private Scenario scenario(JsonNode root) {
        if (!root.isObject()) {
            fail("", "the document must be a JSON object, was " + kind(root));
            throw new ScenarioException(problems);
        }
        findNul(root, "");
        Fields doc = new Fields((ObjectNode) root, "", TOP_FIELDS, null);
        String name = doc.string("name", true);
        if (name != null && name.isBlank()) {
            fail("name", "must not be blank");
        }
        Integer baseYear = doc.integer("baseYear", true);
        if (baseYear != null && (baseYear < context.firstYear() || baseYear > context.lastYear())) {
            fail("baseYear", "must be a year with data (" + context.firstYear() + "-" + context.lastYear()
                    + "), was " + baseYear);
        }
        Integer horizon = doc.integer("horizon", false);
        if (horizon != null && baseYear != null) {
            if (horizon < baseYear) {
                fail("horizon", "must be >= baseYear (" + baseYear + "), was " + horizon);
            } else if (horizon > baseYear + MAX_HORIZON_YEARS) {
                fail("horizon", "must be at most " + MAX_HORIZON_YEARS + " years after baseYear (" + baseYear
                        + "), was " + horizon);
            }
        }
        String datasetVersion = doc.string(PinnedDataset.FIELD, false);
        if (datasetVersion != null && !Scenario.DATASET_VERSION.matcher(datasetVersion).matches()) {
            fail(PinnedDataset.FIELD, "must be a data-set version: \"sha256:\" and 64 lowercase hexadecimal digits, was "
                    + quoted(datasetVersion));
        }
        scenarioProducts = topProducts(doc.get("products"));
        Map<String, List<String>> groups = groups(doc.get("groups"));
        Elasticities elasticities = elasticities(doc.get("elasticities"));
        List<PolicyEvent> events = events(doc.get("events"));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(name, baseYear, horizon, scenarioProducts, elasticities, groups, events, datasetVersion);
    }

    private List<String> topProducts(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!node.isArray()) {
            fail("products", "must be a list of HS6 codes, was " + kind(node));
            return out;
        }
        for (int n = 0; n < node.size(); n++) {
            String path = "products[" + n + "]";
            String code = product(node.get(n), path, context.knownProducts(), "the data's products");
            if (code != null) {
                if (out.contains(code)) {
                    fail(path, "product " + code + " listed twice");
                } else {
                    out.add(code);
                }
            }
        }
        return out;
    }

    /** The products an event or override may name. */
    private Set<String> allowedProducts() {
        return scenarioProducts.isEmpty() ? context.knownProducts() : Set.copyOf(scenarioProducts);
    }

    private String allowedProductsLabel() {
        return scenarioProducts.isEmpty() ? "the data's products" : "the scenario's products";
    }

    private String product(JsonNode node, String path, Set<String> allowed, String label) {
        if (!node.isTextual()) {
            fail(path, "must be an HS6 code as a string, was " + kind(node));
            return null;
        }
        String code = node.asText();
        if (!Hs6.isWellFormed(code)) {
            fail(path, "malformed HS6 code " + quoted(code) + " (six digits, e.g. 850511)");
            return null;
        }
        if (!allowed.contains(code)) {
            fail(path, "unknown product \"" + code + "\" (not among " + label + ": " + String.join(", ", new TreeSet<>(allowed)) + ")");
            return null;
        }
        return code;
    }

    private Map<String, List<String>> groups(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            fail("groups", "must be an object of group name to ISO3 list, was " + kind(node));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String path = "groups." + printable(name);
            if (name.isBlank()) {
                fail(path, "a group name must not be blank");
                continue;
            }
            if (CountrySet.ALL.equals(name)) {
                fail(path, "\"*\" cannot be a group name");
                continue;
            }
            if (context.knownCountries().contains(name)) {
                fail(path, "a group name must not be an ISO3 country code of the data");
                continue;
            }
            groupNames.add(name);
            JsonNode members = e.getValue();
            if (!members.isArray()) {
                fail(path, "must be a list of ISO3 codes, was " + kind(members));
                continue;
            }
            if (members.isEmpty()) {
                fail(path, "must not be empty");
                continue;
            }
            List<String> list = new ArrayList<>();
            for (int n = 0; n < members.size(); n++) {
                String at = path + "[" + n + "]";
                String iso3 = country(members.get(n), at);
                if (iso3 != null) {
                    if (list.contains(iso3)) {
                        fail(at, "country " + iso3 + " listed twice");
                    } else {
                        list.add(iso3);
                    }
                }
            }
            out.put(name, List.copyOf(list));
        }
        return out;
    }

    /** One ISO3 country of the data (not a group, not "*"). */
    private String country(JsonNode node, String path) {
        if (!node.isTextual()) {
            fail(path, "must be an ISO3 code as a string, was " + kind(node));
            return null;
        }
        String code = node.asText();
        if (!context.knownCountries().contains(code)) {
            if (CountrySet.ALL.equals(code) || groupNames.contains(code) || CountryGroups.isBuiltIn(code)) {
                fail(path, "must be one ISO3 country code, not \"" + code + "\"");
            } else {
                fail(path, "unknown country \"" + code + "\" (not an ISO3 code of the data)");
            }
            return null;
        }
        return code;
    }

    // ------------------------------------------------------------------------------ elasticities

    private Elasticities elasticities(JsonNode node) {
        if (node == null) {
            return Elasticities.DEFAULTS;
        }
        if (!node.isObject()) {
            fail("elasticities", "must be an object, was " + kind(node));
            return Elasticities.DEFAULTS;
        }
        Fields f = new Fields((ObjectNode) node, "elasticities", ELASTICITY_FIELDS, null);
        Double sigma = sigma(f);
        Double eta = eta(f);
        Double eps = eps(f);
        List<ElasticityOverride> overrides = new ArrayList<>();
        JsonNode list = f.get("overrides");
        if (list != null) {
            if (!list.isArray()) {
                fail(f.at("overrides"), "must be a list, was " + kind(list));
            } else {
                Map<List<String>, Integer> seen = new LinkedHashMap<>();
                for (int n = 0; n < list.size(); n++) {
                    String path = f.at("overrides") + "[" + n + "]";
                    ElasticityOverride o = override(list.get(n), path);
                    if (o == null) {
                        continue;
                    }
                    List<String> key = java.util.Arrays.asList(o.product(), o.country());
                    Integer first = seen.putIfAbsent(key, n);
                    if (first != null) {
                        fail(path, "same product and country as " + f.at("overrides") + "[" + first
                                + "]; merge the two");
                    } else {
                        overrides.add(o);
                    }
                }
            }
        }
        return new Elasticities(sigma == null ? Elasticities.DEFAULT_SIGMA : sigma,
                eta == null ? Elasticities.DEFAULT_ETA : eta, eps == null ? Elasticities.DEFAULT_EPS : eps, overrides);
    }

    private ElasticityOverride override(JsonNode node, String path) {
        if (!node.isObject()) {
            fail(path, "must be an object, was " + kind(node));
            return null;
        }
        int before = problems.size();
        Fields f = new Fields((ObjectNode) node, path, OVERRIDE_FIELDS, null);
        JsonNode productNode = f.get("product");
        String product = productNode == null ? null
                : product(productNode, f.at("product"), allowedProducts(), allowedProductsLabel());
        JsonNode countryNode = f.get("country");
        String country = countryNode == null ? null : country(countryNode, f.at("country"));
        if (productNode == null && countryNode == null) {
            fail(path, "must name a product or a country (or both)");
        }
        Double sigma = sigma(f);
        Double eta = eta(f);
        Double eps = eps(f);
        if (f.get("sigma") == null && f.get("eta") == null && f.get("eps") == null) {
            fail(path, "must set sigma, eta or eps");
        }
        return problems.size() > before ? null : new ElasticityOverride(product, country, sigma, eta, eps);
    }

    private Double sigma(Fields f) {
        Double sigma = f.number("sigma", false, ScenarioBounds.SIGMA_RANGE);
        if (sigma != null && !(sigma > 0 && sigma != 1)) {
            f.outOfRange("sigma", "must be > 0 and != 1", ScenarioBounds.SIGMA_RANGE, null);
            return null;
        }
        if (sigma != null && sigma > ScenarioBounds.MAX_SIGMA) {
            f.outOfRange("sigma", "must be at most " + plain(ScenarioBounds.MAX_SIGMA), ScenarioBounds.SIGMA_RANGE, null);
            return null;
        }
        return sigma;
    }

    private Double eta(Fields f) {
        Double eta = f.number("eta", false, ScenarioBounds.ETA_RANGE);
        if (eta != null && !(eta < 0)) {
            f.outOfRange("eta", "must be < 0", ScenarioBounds.ETA_RANGE, null);
            return null;
        }
        if (eta != null && eta < ScenarioBounds.MIN_ETA) {
            f.outOfRange("eta", "must be at least " + plain(ScenarioBounds.MIN_ETA), ScenarioBounds.ETA_RANGE, null);
            return null;
        }
        return eta;
    }

    /** {@code eps}: a number >= 0, or "Infinity" / "inf" (also the bare token Infinity). */
    private Double eps(Fields f) {
        JsonNode node = f.get("eps");
        if (node == null) {
            return null;
        }
        double eps;
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.equalsIgnoreCase("Infinity") || text.equalsIgnoreCase("inf")) {
                return Double.POSITIVE_INFINITY;
            }
            f.outOfRange("eps", "must be a number >= 0 or \"Infinity\"", ScenarioBounds.EPS_RANGE, null);
            return null;
        } else if (node.isNumber()) {
            eps = node.asDouble();
        } else {
            f.outOfRange("eps", "must be a number >= 0 or \"Infinity\"", ScenarioBounds.EPS_RANGE, null);
            return null;
        }
        if (Double.isNaN(eps) || eps < 0) {
            f.outOfRange("eps", "must be >= 0 or \"Infinity\"", ScenarioBounds.EPS_RANGE, null);
            return null;
        }
        if (eps > ScenarioBounds.MAX_EPS) {
            // a finite eps this large overflows p^(eps+1) in the producer surplus; "Infinity" is its limit
            f.outOfRange("eps", "must be at most " + plain(ScenarioBounds.MAX_EPS) + " or \"Infinity\"",
                    ScenarioBounds.EPS_RANGE, null);
            return null;
        }
        return eps;
    }

    // ------------------------------------------------------------------------------------ events

    private List<PolicyEvent> events(JsonNode node) {
        List<PolicyEvent> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            fail("events", "must be a list, was " + kind(node));
            return out;
        }
        for (int n = 0; n < node.size(); n++) {
            PolicyEvent e = event(node.get(n), "events[" + n + "]");
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private PolicyEvent event(JsonNode node, String path) {
        if (!node.isObject()) {
            fail(path, "must be an object, was " + kind(node));
            return null;
        }
        ObjectNode obj = (ObjectNode) node;
        JsonNode typeNode = obj.get(TYPE);
        String allowed = PolicyEventType.allNames();
        if (typeNode == null || typeNode.isNull()) {
            fail(path + "." + TYPE, "is required (one of " + allowed + ")");
            return null;
        }
        Optional<PolicyEventType> named = typeNode.isTextual() ? PolicyEventType.named(typeNode.asText()) : Optional.empty();
        if (named.isEmpty()) {
            fail(path + "." + TYPE, "unknown type " + typeNode + " (allowed: " + allowed + ")");
            return null;
        }
        PolicyEventType type = named.get();
        int before = failures;
        Fields f = new Fields(obj, path, type.fields(), type.name());
        Integer year = f.integer(YEAR, false);
        if (year != null) {
            PolicyEvent.yearProblem(year).ifPresent(problem -> fail(f.at(YEAR), problem));
        }
        List<String> products = eventProducts(f);
        // a switch expression over the enum: a type without a case here does not compile
        Supplier<PolicyEvent> event = switch (type) {
            case TARIFF -> wedge(f, false, true,
                    (exporters, importers, rate, mode) -> new PolicyEvent.Tariff(year, exporters, importers, rate, mode, products));
            case EXPORT_TAX -> wedge(f, true, false,
                    (exporters, importers, rate, mode) -> new PolicyEvent.ExportTax(year, exporters, importers, rate, mode, products));
            case NTB -> wedge(f, false, true,
                    (exporters, importers, rate, mode) -> new PolicyEvent.Ntb(year, exporters, importers, rate, mode, products));
            case EMBARGO -> embargo(f, year, products);
            case EXPORT_QUOTA -> quota(f, year, products);
            case COALITION -> coalition(f, year, products);
            case LIBERALIZATION -> liberalization(f, year, products);
            case DEMAND_SHIFT -> shift(f, (countries, factor, growth) -> new PolicyEvent.DemandShift(year, countries, factor,
                    growth, products));
            case CAPACITY_SHIFT -> shift(f, (countries, factor, growth) -> new PolicyEvent.CapacityShift(year, countries,
                    factor, growth, products));
        };
        return failures > before ? null : build(f, event);
    }

    /**
     * The event of a document whose fields had no problem. The fields were checked against the
     * records' rules one by one above; should a rule of the record be missed there, its problem is
     * still reported at the field's path rather than thrown.
     */
    private PolicyEvent build(Fields f, Supplier<PolicyEvent> event) {
        try {
            return event.get();
        } catch (InvalidEventException e) {
            fail(e.field().isEmpty() ? f.path : f.at(e.field()), e.problem());
            return null;
        }
    }

    /** How a TARIFF, EXPORT_TAX or NTB is made from its fields. */
    private interface WedgeEvent {
        PolicyEvent of(CountrySet exporters, CountrySet importers, double rate, RateMode mode);
    }

    /** How a DEMAND_SHIFT or CAPACITY_SHIFT is made from its fields. */
    private interface ShiftEvent {
        PolicyEvent of(CountrySet countries, Double factor, Double annualGrowth);
    }

    private Supplier<PolicyEvent> wedge(Fields f, boolean exportersRequired, boolean importersRequired, WedgeEvent event) {
        CountrySet exporters = f.countries(EXPORTERS, exportersRequired);
        CountrySet importers = f.countries(IMPORTERS, importersRequired);
        Double rate = f.rate(RATE);
        RateMode mode = f.mode();
        return () -> event.of(exporters, importers, rate, mode);
    }

    private Supplier<PolicyEvent> embargo(Fields f, Integer year, List<String> products) {
        CountrySet exporters = f.countries(EXPORTERS, true);
        CountrySet importers = f.countries(IMPORTERS, true);
        return () -> new PolicyEvent.Embargo(year, exporters, importers, products);
    }

    private Supplier<PolicyEvent> quota(Fields f, Integer year, List<String> products) {
        JsonNode exporterNode = f.get(EXPORTER);
        String exporter = null;
        if (exporterNode == null) {
            f.missing(EXPORTER);
        } else {
            exporter = country(exporterNode, f.at(EXPORTER));
        }
        CountrySet importers = f.get(IMPORTERS) == null ? null : f.countries(IMPORTERS, true);
        Double capShare = f.within(CAP_SHARE, NumberRule.SHARE, f.number(CAP_SHARE, true, NumberRule.SHARE.range()));
        String theExporter = exporter;
        return () -> new PolicyEvent.ExportQuota(year, theExporter, importers, capShare, products);
    }

    private Supplier<PolicyEvent> coalition(Fields f, Integer year, List<String> products) {
        CountrySet members = f.countries(MEMBERS, true);
        Boolean discriminatory = null;
        JsonNode d = f.get(DISCRIMINATORY);
        if (d == null) {
            f.missing(DISCRIMINATORY);
        } else if (!d.isBoolean()) {
            fail(f.at(DISCRIMINATORY), "must be true or false, was " + kind(d));
        } else {
            discriminatory = d.asBoolean();
        }
        Double external = 0.0;
        if (f.get(EXTERNAL_TARIFF) != null) {
            if (Boolean.FALSE.equals(discriminatory)) {
                fail(f.at(EXTERNAL_TARIFF), PolicyEvent.EXTERNAL_TARIFF_OPEN);
            } else {
                external = f.rate(EXTERNAL_TARIFF);
            }
        }
        boolean isDiscriminatory = Boolean.TRUE.equals(discriminatory);
        Double externalTariff = external;
        return () -> new PolicyEvent.Coalition(year, members, isDiscriminatory, externalTariff, products);
    }

    private Supplier<PolicyEvent> liberalization(Fields f, Integer year, List<String> products) {
        Double cut = f.within(CUT, NumberRule.SHARE, f.number(CUT, true, NumberRule.SHARE.range()));
        CountrySet countries = f.countries(COUNTRIES, false);
        return () -> new PolicyEvent.Liberalization(year, cut, countries, products);
    }

    private Supplier<PolicyEvent> shift(Fields f, ShiftEvent event) {
        CountrySet countries = f.countries(COUNTRIES, false);
        Double factor = f.number(FACTOR, false, NumberRule.FACTOR.range());
        Double growth = f.number(ANNUAL_GROWTH, false, NumberRule.ANNUAL_GROWTH.range());
        PolicyEvent.shiftChoiceProblem(f.get(FACTOR) != null, f.get(ANNUAL_GROWTH) != null)
                .ifPresent(problem -> fail(f.path, problem));
        Double checkedFactor = f.within(FACTOR, NumberRule.FACTOR, factor);
        Double checkedGrowth = f.within(ANNUAL_GROWTH, NumberRule.ANNUAL_GROWTH, growth);
        return () -> event.of(countries, checkedFactor, checkedGrowth);
    }

    private List<String> eventProducts(Fields f) {
        JsonNode node = f.get(PRODUCTS);
        if (node == null) {
            return null;
        }
        String path = f.at(PRODUCTS);
        if (!node.isArray()) {
            fail(path, "must be a list of HS6 codes, was " + kind(node));
            return null;
        }
        if (node.isEmpty()) {
            fail(path, PolicyEvent.EMPTY_PRODUCTS);
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int n = 0; n < node.size(); n++) {
            String at = path + "[" + n + "]";
            String code = product(node.get(n), at, allowedProducts(), allowedProductsLabel());
            if (code != null) {
                if (out.contains(code)) {
                    fail(at, "product " + code + " listed twice");
                } else {
                    out.add(code);
                }
            }
        }
        return List.copyOf(out);
    }

    // ----------------------------------------------------------------------------------- helpers

    private void fail(String path, String message) {
        failures++;
        if (!nulPaths.contains(path)) {
            problems.add(new ScenarioProblem(path, message));
        }
    }

    /**
     * Reports every string value and object key with a NUL character (U+0000): PostgreSQL cannot
     * store one in text, so the document would be accepted and then fail to be saved.
     */
    private void findNul(JsonNode node, String path) {
        if (node.isTextual()) {
            if (node.asText().indexOf('\0') >= 0) {
                nul(path, NUL_PROBLEM);
            }
        } else if (node.isArray()) {
            for (int n = 0; n < node.size(); n++) {
                findNul(node.get(n), path + "[" + n + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path.isEmpty() ? printable(e.getKey()) : path + "." + printable(e.getKey());
                if (e.getKey().indexOf('\0') >= 0) {
                    nul(at, "the name " + NUL_PROBLEM);
                }
                findNul(e.getValue(), at);
            }
        }
    }

    private void nul(String path, String message) {
        if (nulPaths.add(path)) {
            problems.add(new ScenarioProblem(path, message));
        }
    }

    /** An object key as it appears in a path: a NUL character is written {@code \\u0000}. */
    private static String printable(String key) {
        return key.replace("\0", "\\u0000");
    }

    /** A text value for a message: JSON-quoted, and cut after {@link #MAX_QUOTED} characters. */
    private static String quoted(String text) {
        if (text.length() <= MAX_QUOTED) {
            return TextNode.valueOf(text).toString();
        }
        return TextNode.valueOf(text.substring(0, MAX_QUOTED)).toString()
                + "... (" + text.length() + " characters)";
    }

    /** A bound as written in messages: {@code 10}, {@code 0.001}, {@code -0.5}. */
    private static String plain(double bound) {
        return NumberRule.plain(bound);
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isNumber() ? node.asText() : node.toString();
    }

    /** The fields of one JSON object; unknown fields are reported when it is created. */
    private final class Fields {
        final ObjectNode node;
        final String path;

        Fields(ObjectNode node, String path, List<String> allowed, String type) {
            this.node = node;
            this.path = path;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    fail(at(name), "unknown field (allowed" + (type == null ? "" : " for " + type) + ": "
                            + String.join(", ", allowed) + ")");
                }
            }
        }

        String at(String name) {
            return path.isEmpty() ? printable(name) : path + "." + printable(name);
        }

        /** The field's value; {@code null} when absent or JSON null. */
        JsonNode get(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        String raw(String name) {
            JsonNode v = get(name);
            return v == null ? "null" : kind(v);
        }

        void missing(String name) {
            fail(at(name), "is required");
        }

        String string(String name, boolean required) {
            JsonNode v = get(name);
            if (v == null) {
                if (required) {
                    missing(name);
                }
                return null;
            }
            if (!v.isTextual()) {
                fail(at(name), "must be a string, was " + kind(v));
                return null;
            }
            return v.asText();
        }

        Integer integer(String name, boolean required) {
            JsonNode v = get(name);
            if (v == null) {
                if (required) {
                    missing(name);
                }
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                fail(at(name), "must be a whole number, was " + kind(v));
                return null;
            }
            return v.intValue();
        }

        /**
         * A finite number, or {@code null} (reported) when absent-but-required, not a number or not
         * finite; the problem ends with the field's {@code allowed} range.
         */
        Double number(String name, boolean required, String allowed) {
            JsonNode v = get(name);
            if (v == null) {
                if (required) {
                    missing(name);
                }
                return null;
            }
            if (!v.isNumber()) {
                outOfRange(name, "must be a number", allowed, null);
                return null;
            }
            double x = v.asDouble();
            if (!Double.isFinite(x)) {
                outOfRange(name, "must be a finite number", allowed, null);
                return null;
            }
            return x;
        }

        /** {@code events[2].rate: must be at most 10, was 1.0E308; allowed: 0 to 10 (...); hint}. */
        void outOfRange(String name, String rule, String allowed, String hint) {
            fail(at(name), new NumberRule.Breach(rule, allowed, hint).message(raw(name)));
        }

        /** {@code x} when it keeps the {@code rule} (or is {@code null}); otherwise reports why and gives {@code null}. */
        Double within(String name, NumberRule rule, Double x) {
            if (x == null) {
                return null;
            }
            Optional<NumberRule.Breach> breach = rule.breach(x);
            if (breach.isPresent()) {
                fail(at(name), breach.get().message(raw(name)));
                return null;
            }
            return x;
        }

        /** A required rate ({@link NumberRule#RATE}); {@code null} when invalid (the problem is reported). */
        Double rate(String name) {
            return within(name, NumberRule.RATE, number(name, true, NumberRule.RATE.range()));
        }

        RateMode mode() {
            JsonNode v = get(MODE);
            if (v == null) {
                return RateMode.SET;
            }
            if (v.isTextual()) {
                if (v.asText().equalsIgnoreCase("set")) {
                    return RateMode.SET;
                }
                if (v.asText().equalsIgnoreCase("add")) {
                    return RateMode.ADD;
                }
            }
            fail(at(MODE), "must be \"set\" or \"add\", was " + kind(v));
            return RateMode.SET;
        }

        /**
         * A country list: a JSON list or one string. Absent: reported when {@code required},
         * otherwise {@code "*"}.
         */
        CountrySet countries(String name, boolean required) {
            JsonNode v = get(name);
            String path = at(name);
            if (v == null) {
                if (required) {
                    missing(name);
                    return null;
                }
                return CountrySet.all();
            }
            List<JsonNode> items = new ArrayList<>();
            boolean single = v.isTextual();
            if (single) {
                items.add(v);
            } else if (v.isArray()) {
                v.forEach(items::add);
            } else {
                fail(path, "must be a list of countries or one country or group name, was " + kind(v));
                return null;
            }
            if (items.isEmpty()) {
                fail(path, "must not be empty");
                return null;
            }
            int before = failures;
            List<String> tokens = new ArrayList<>();
            for (int n = 0; n < items.size(); n++) {
                String at = single ? path : path + "[" + n + "]";
                JsonNode item = items.get(n);
                if (!item.isTextual()) {
                    fail(at, "must be a string, was " + kind(item));
                    continue;
                }
                String token = item.asText();
                if (!(CountrySet.ALL.equals(token) || context.knownCountries().contains(token)
                        || groupNames.contains(token) || CountryGroups.isBuiltIn(token))) {
                    fail(at, "unknown country \"" + token + "\" (not an ISO3 code of the data, \"*\", a group of"
                            + " this scenario or a built-in group: " + String.join(", ", new TreeSet<>(CountryGroups.builtIn().keySet())) + ")");
                } else if (tokens.contains(token)) {
                    fail(at, "\"" + token + "\" listed twice");
                } else {
                    tokens.add(token);
                }
            }
            if (tokens.contains(CountrySet.ALL) && items.size() > 1) {
                fail(path, CountrySet.ALL_ALONE);
            }
            // a list with a problem makes no CountrySet, which would refuse it
            return failures > before ? null : new CountrySet(tokens);
        }
    }
}
