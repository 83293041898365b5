package org.rareearth.shared.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The scenario document of MODEL.md section 11: an ordered list of policy events over a base year
 * and a forecast horizon, with elasticities and named country groups. Build one from JSON with
 * {@link ScenarioReader}, which validates it.
 *
 * @param horizon        last forecast year, or {@code null} for the base year alone
 * @param datasetVersion the data-set version the scenario is pinned to ({@code sha256:} and 64
 *                       lowercase hex digits, {@link #DATASET_VERSION}), or {@code null} to follow
 *                       the current data set. Whether that version exists is not checked here.
 */
public record Scenario(String name, int baseYear, Integer horizon, List<String> products, Elasticities elasticities,
                       Map<String, List<String>> groups, List<PolicyEvent> events, String datasetVersion) {

    /** The form of a data-set version: {@code sha256:} and 64 lowercase hexadecimal digits. */
    public static final Pattern DATASET_VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    public Scenario {
        Objects.requireNonNull(name, "name");
        products = List.copyOf(Objects.requireNonNullElse(products, List.of()));
        elasticities = Objects.requireNonNullElse(elasticities, Elasticities.DEFAULTS);
        groups = Map.copyOf(Objects.requireNonNullElse(groups, Map.of()));
        events = List.copyOf(Objects.requireNonNullElse(events, List.of()));
        if (datasetVersion != null && !DATASET_VERSION.matcher(datasetVersion).matches()) {
            throw new IllegalArgumentException("datasetVersion must be \"sha256:\" and 64 lowercase hex digits, was \""
                    + datasetVersion + "\"");
        }
    }

    /** A scenario that follows the current data set (no {@code datasetVersion}). */
    public Scenario(String name, int baseYear, Integer horizon, List<String> products, Elasticities elasticities,
                    Map<String, List<String>> groups, List<PolicyEvent> events) {
        this(name, baseYear, horizon, products, elasticities, groups, events, null);
    }

    /** The baseline: no policy events, default elasticities. */
    public static Scenario baseline(int baseYear, Integer horizon, List<String> products) {
        return new Scenario("baseline", baseYear, horizon, products, Elasticities.DEFAULTS, Map.of(), List.of());
    }

    /** The groups this scenario defines, falling back to the built-in ones. */
    public Map<String, List<String>> allGroups() {
        java.util.HashMap<String, List<String>> all = new java.util.HashMap<>(CountryGroups.builtIn());
        all.putAll(groups);
        return all;
    }
}
