package org.rareearth.shared.scenario;

import java.util.List;
import java.util.Map;

/**
 * Groups every scenario may use without defining them. A scenario's own {@code groups} take
 * precedence over these names.
 */
public final class CountryGroups {

    /** The European Union since 1 February 2020 (the United Kingdom not included). */
    public static final List<String> EU27 = List.of(
            "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
            "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE");

    private static final Map<String, List<String>> BUILT_IN = Map.of("EU27", EU27);

    private CountryGroups() {
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_IN.containsKey(name);
    }

    public static List<String> members(String name) {
        List<String> members = BUILT_IN.get(name);
        if (members == null) {
            throw new IllegalArgumentException("no built-in country group named " + name);
        }
        return members;
    }

    public static Map<String, List<String>> builtIn() {
        return BUILT_IN;
    }
}
