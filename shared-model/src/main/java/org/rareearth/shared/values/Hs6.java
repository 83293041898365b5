package org.rareearth.shared.values;

import java.util.Objects;
import java.util.regex.Pattern;

/** A six-digit Harmonized System product code, such as {@code 850511}. */
public record Hs6(String code) {

    private static final Pattern FORM = Pattern.compile("[0-9]{6}");

    public Hs6 {
        Objects.requireNonNull(code, "product code");
        if (!FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an HS6 product code (six digits, e.g. 850511)");
        }
    }

    /** Whether {@code code} has the form of an HS6 code: exactly six digits (not whether any data know it). */
    public static boolean isWellFormed(String code) {
        return code != null && FORM.matcher(code).matches();
    }

    /** Checks the form and returns the code, for validating strings in place. */
    public static String of(String code) {
        return new Hs6(code).code();
    }

    @Override
    public String toString() {
        return code;
    }
}
