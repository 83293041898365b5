package org.rareearth.shared.scenario;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A list of countries as an analyst writes it (MODEL.md section 11): ISO3 codes, {@code "*"} for
 * every country, or names of groups defined in the scenario or built in ({@link CountryGroups}).
 */
public record CountrySet(List<String> tokens) {

    public static final String ALL = "*";

    /** The problem of a list with {@code "*"} and more. */
    public static final String ALL_ALONE = "\"*\" (all countries) must stand alone";

    /** Not empty, no entry twice, {@code "*"} alone: the rules {@link ScenarioReader} reports per entry. */
    public CountrySet {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a country list must not be empty");
        }
        if (new HashSet<>(tokens).size() < tokens.size()) {
            throw new IllegalArgumentException("a country list names a country twice: " + tokens);
        }
        if (tokens.contains(ALL) && tokens.size() > 1) {
            throw new IllegalArgumentException(ALL_ALONE + ": " + tokens);
        }
    }

    public static CountrySet of(String... tokens) {
        return new CountrySet(List.of(tokens));
    }

    public static CountrySet all() {
        return of(ALL);
    }

    public boolean isAll() {
        return tokens.contains(ALL);
    }

    /**
     * The ISO3 codes this set stands for within {@code universe} (the countries of one market).
     * Codes outside the universe are dropped: a valid country that does not trade this product
     * simply has no flow to change.
     */
    public TreeSet<String> resolve(Map<String, List<String>> groups, Collection<String> universe) {
        TreeSet<String> out = new TreeSet<>();
        for (String token : tokens) {
            if (ALL.equals(token)) {
                out.addAll(universe);
            } else if (groups.containsKey(token)) {
                for (String member : groups.get(token)) {
                    if (universe.contains(member)) {
                        out.add(member);
                    }
                }
            } else if (CountryGroups.isBuiltIn(token)) {
                for (String member : CountryGroups.members(token)) {
                    if (universe.contains(member)) {
                        out.add(member);
                    }
                }
            } else if (universe.contains(token)) {
                out.add(token);
            }
        }
        return out;
    }
}
