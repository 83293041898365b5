package org.rareearth.tradedata.baci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareearth.tradedata.DataNotice;

/**
 * The files of a BACI data set, by name: the one definition of which names BACI reads, used by the
 * reader, by format detection ({@code format.Formats}) and by the content version, so that a name
 * one of them accepts the others do not reject.
 *
 * <ul>
 *   <li>the country table, {@code country_codes.csv} or CEPII's versioned name
 *       {@code country_codes_V202401b.csv} (exactly one, mandatory);</li>
 *   <li>the product table, {@code product_codes.csv} or {@code product_codes_HS17_V202401b.csv}
 *       (exactly one, mandatory);</li>
 *   <li>year files {@code BACI_<anything>_Y<year>[_<anything>].csv} with header {@link #YEAR_HEADER}
 *       (at least one; one per year);</li>
 *   <li>{@code tariffs.csv} and {@code dataset.properties} (optional).</li>
 * </ul>
 * Names are case-sensitive, as CEPII writes them. Every other file ({@code Readme.txt}, ...) is
 * neither read nor part of the content.
 *
 * @param countryFile the country table's name
 * @param productFile the product table's name
 * @param years       year to the name of its year file
 * @param hasTariffs  whether {@code tariffs.csv} is there
 * @param hasNotice   whether {@code dataset.properties} is there
 */
public record BaciFiles(String countryFile, String productFile, SortedMap<Integer, String> years, boolean hasTariffs,
                        boolean hasNotice) {

    /** {@code country_codes.csv} or {@code country_codes_<version>.csv}. */
    public static final Pattern COUNTRY_FILE = Pattern.compile("country_codes(_.*)?\\.csv");
    /** {@code product_codes.csv} or {@code product_codes_<nomenclature>_<version>.csv}. */
    public static final Pattern PRODUCT_FILE = Pattern.compile("product_codes(_.*)?\\.csv");
    public static final String TARIFF_FILE = "tariffs.csv";
    /** Year files: {@code BACI_<anything>_Y<year>[_<anything>].csv}. */
    public static final Pattern YEAR_FILE = Pattern.compile("BACI_.+_Y(\\d{4})(_.*)?\\.csv");
    /** The header of a year file. */
    public static final List<String> YEAR_HEADER = List.of("t", "i", "j", "k", "v", "q");
    /** How the messages spell the names. */
    public static final String COUNTRY_NAME = "country_codes.csv";
    public static final String PRODUCT_NAME = "product_codes.csv";
    public static final String YEAR_NAME = "BACI_<HS>_Y<year>[_<release>].csv";
    private static final Pattern ANY_CASE_TABLE = Pattern.compile("(country|product)_codes(_.*)?\\.csv",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_CASE_YEAR = Pattern.compile(YEAR_FILE.pattern(), Pattern.CASE_INSENSITIVE);

    /** Whether {@code name} is the country or the product table. */
    public static boolean isTable(String name) {
        return COUNTRY_FILE.matcher(name).matches() || PRODUCT_FILE.matcher(name).matches();
    }

    public static boolean isYearFile(String name) {
        return YEAR_FILE.matcher(name).matches();
    }

    /**
     * Whether a BACI reader reads {@code name} (and so whether it is part of the content): the
     * country and product tables (plain or versioned names), the year files, {@code tariffs.csv}
     * and {@code dataset.properties}.
     */
    public static boolean isDataFile(String name) {
        return isTable(name) || isYearFile(name) || TARIFF_FILE.equals(name) || DataNotice.FILE.equals(name);
    }

    /**
     * The names that look like BACI files but that the reader does not read, each with what is
     * wrong, for messages: another letter case ({@code Country_Codes.csv}: names are
     * case-sensitive), or a {@code BACI_*.csv} name that is not a year-file name
     * ({@code BACI_HS17_Y2022V1.csv}: no {@code _} after the year).
     */
    public static List<String> nearMisses(List<String> names) {
        return names.stream().filter(n -> !isDataFile(n)).map(BaciFiles::nearMiss).filter(m -> m != null).toList();
    }

    private static String nearMiss(String name) {
        if (ANY_CASE_TABLE.matcher(name).matches() || ANY_CASE_YEAR.matcher(name).matches()) {
            return name + " (file names are case-sensitive: " + COUNTRY_NAME + ", " + PRODUCT_NAME + ", " + YEAR_NAME + ")";
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("baci_") && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return name + " (not a year-file name: " + YEAR_NAME + ")";
        }
        return null;
    }

    /**
     * The BACI files among {@code names}.
     *
     * @throws BaciFormatException a table is missing or ambiguous, there is no year file, or two
     *                             year files claim one year (the file is the bare name)
     */
    public static BaciFiles of(List<String> names) throws BaciFormatException {
        String countryFile = single(names, COUNTRY_FILE, COUNTRY_NAME);
        String productFile = single(names, PRODUCT_FILE, PRODUCT_NAME);
        return new BaciFiles(countryFile, productFile, yearFiles(names), names.contains(TARIFF_FILE),
                names.contains(DataNotice.FILE));
    }

    /** Every file the reader reads, in reading order. */
    public List<String> toRead() {
        List<String> out = new ArrayList<>(List.of(countryFile, productFile));
        out.addAll(years.values());
        if (hasTariffs) {
            out.add(TARIFF_FILE);
        }
        if (hasNotice) {
            out.add(DataNotice.FILE);
        }
        return out;
    }

    private static String single(List<String> names, Pattern pattern, String plainName) throws BaciFormatException {
        List<String> found = names.stream().filter(n -> pattern.matcher(n).matches()).toList();
        if (found.isEmpty()) {
            Pattern anyCase = Pattern.compile(pattern.pattern(), Pattern.CASE_INSENSITIVE);
            List<String> close = nearMisses(names.stream().filter(n -> anyCase.matcher(n).matches()).toList());
            throw new BaciFormatException(Path.of(plainName), "mandatory file is missing"
                    + (close.isEmpty() ? "" : "; found " + String.join(", ", close)));
        }
        if (found.size() > 1) {
            throw new BaciFormatException(Path.of(plainName), "more than one file could be the "
                    + plainName.replace(".csv", "").replace('_', ' ') + " table: " + String.join(", ", found)
                    + " (keep exactly one)");
        }
        return found.get(0);
    }

    private static SortedMap<Integer, String> yearFiles(List<String> names) throws BaciFormatException {
        SortedMap<Integer, String> years = new TreeMap<>();
        for (String name : names) {
            Matcher m = YEAR_FILE.matcher(name);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                String other = years.put(year, name);
                if (other != null) {
                    throw new BaciFormatException(Path.of(name), "second file for year " + year + " (also " + other + ")");
                }
            }
        }
        if (years.isEmpty()) {
            List<String> close = nearMisses(names.stream().filter(n -> !ANY_CASE_TABLE.matcher(n).matches()).toList());
            throw new BaciFormatException(Path.of(""), "no year file (BACI_*_Y<year>_*.csv) in the data set"
                    + (close.isEmpty() ? "" : "; found " + String.join(", ", close)));
        }
        return years;
    }
}
