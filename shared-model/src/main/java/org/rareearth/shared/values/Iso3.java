package org.rareearth.shared.values;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** An ISO 3166-1 alpha-3 country code, such as {@code CHN}. */
public record Iso3(String code) {

    private static final Pattern FORM = Pattern.compile("[A-Z]{3}");
    /** The codes ISO 3166 assigns, as the JDK knows them (TWN included). */
    private static final Set<String> ASSIGNED = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    public Iso3 {
        Objects.requireNonNull(code, "country code");
        if (!FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO3 country code (three capital letters, e.g. CHN)");
        }
    }

    /** Checks the form and returns the code, for validating strings in place. */
    public static String of(String code) {
        return new Iso3(code).code();
    }

    /** Every ISO 3166-1 alpha-3 code. */
    public static Set<String> assigned() {
        return ASSIGNED;
    }

    @Override
    public String toString() {
        return code;
    }
}
