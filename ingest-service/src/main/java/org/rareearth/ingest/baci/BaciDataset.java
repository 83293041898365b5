package org.rareearth.ingest.baci;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;

/**
 * A directory of trade data in CEPII BACI layout, read once and held in memory.
 *
 * <p>Files (see {@code data/rare-earth-demo/README.md}):
 * <ul>
 *   <li>{@code country_codes.csv} (mandatory): {@code country_code,country_name,country_iso2,
 *       country_iso3,region}; maps BACI's numeric codes to ISO3. {@code country_iso2} and
 *       {@code region} are optional columns.</li>
 *   <li>{@code product_codes.csv} (mandatory): {@code code,description[,stage]}; the HS6 products
 *       the flows may use.</li>
 *   <li>{@code BACI_*_Y<year>[_*].csv} (at least one): header {@code t,i,j,k,v,q}; value {@code v}
 *       in thousand USD, quantity {@code q} in metric tons (empty or {@code NA} = unknown, read as
 *       {@code NaN}).</li>
 *   <li>{@code tariffs.csv} (optional): baseline wedges, see {@link BaselineTariffs}.</li>
 * </ul>
 *
 * <p>A missing mandatory file, a header without the expected columns, or two year files for the
 * same year throw a {@link BaciFormatException} naming the file. A faulty row (wrong column count,
 * malformed or negative number, unknown country or product code, a year that disagrees with the
 * file name, a duplicate {@code (t,i,j,k)} key, ...) is not used and is reported in
 * {@link #problems()} with file, line (header = line 1) and column; every valid row is kept. Blank
 * lines are ignored. HS6 codes written as integers with fewer than six digits are left-padded with
 * zeros. Flows whose exporter equals the importer are kept (they would be domestic shipments).
 */
public final class BaciDataset {

    public static final String COUNTRY_FILE = "country_codes.csv";
    public static final String PRODUCT_FILE = "product_codes.csv";
    public static final String TARIFF_FILE = "tariffs.csv";
    /** Year files: {@code BACI_<anything>_Y<year>[_<anything>].csv}. */
    public static final Pattern YEAR_FILE = Pattern.compile("BACI_.+_Y(\\d{4})(_.*)?\\.csv");

    private static final List<String> FLOW_HEADER = List.of("t", "i", "j", "k", "v", "q");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern HS6 = Pattern.compile("\\d{1,6}");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    /** One row of {@code country_codes.csv}. {@code iso2} and {@code region} may be empty. */
    public record Country(int code, String name, String iso2, String iso3, String region) {
    }

    /** One row of {@code product_codes.csv}. {@code stage} may be empty. */
    public record Product(String hs6, String description, String stage) {
    }

    private final Path directory;
    private final SortedMap<String, Country> countries;
    private final SortedMap<String, Product> products;
    private final SortedMap<Integer, List<TradeFlow>> flows;
    private final SortedMap<Integer, String> yearFiles;
    private final BaselineTariffs tariffs;
    private final List<DataProblem> problems;

    private BaciDataset(Path directory, SortedMap<String, Country> countries, SortedMap<String, Product> products,
                        SortedMap<Integer, List<TradeFlow>> flows, SortedMap<Integer, String> yearFiles,
                        BaselineTariffs tariffs, List<DataProblem> problems) {
        this.directory = directory;
        this.countries = Collections.unmodifiableSortedMap(countries);
        this.products = Collections.unmodifiableSortedMap(products);
        this.flows = Collections.unmodifiableSortedMap(flows);
        this.yearFiles = Collections.unmodifiableSortedMap(yearFiles);
        this.tariffs = tariffs;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads every file of {@code dir}.
     *
     * @throws BaciFormatException a mandatory file is missing or a header is wrong (names the file)
     * @throws IOException         a file cannot be read
     */
    public static BaciDataset read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BaciFormatException(dir, "not a directory");
        }
        Reader reader = new Reader();
        reader.readCountries(require(dir.resolve(COUNTRY_FILE)));
        reader.readProducts(require(dir.resolve(PRODUCT_FILE)));
        SortedMap<Integer, Path> years = yearFiles(dir);
        SortedMap<Integer, List<TradeFlow>> flows = new TreeMap<>();
        SortedMap<Integer, String> names = new TreeMap<>();
        for (Map.Entry<Integer, Path> e : years.entrySet()) {
            flows.put(e.getKey(), Collections.unmodifiableList(reader.readFlows(e.getValue(), e.getKey())));
            names.put(e.getKey(), e.getValue().getFileName().toString());
        }
        Path tariffFile = dir.resolve(TARIFF_FILE);
        BaselineTariffs tariffs = Files.isRegularFile(tariffFile)
                ? new BaselineTariffs(reader.readTariffs(tariffFile)) : BaselineTariffs.none();
        return new BaciDataset(dir, reader.countries, reader.products, flows, names, tariffs, reader.problems);
    }

    private static Path require(Path file) throws BaciFormatException {
        if (!Files.isRegularFile(file)) {
            throw new BaciFormatException(file, "mandatory file is missing");
        }
        return file;
    }

    private static SortedMap<Integer, Path> yearFiles(Path dir) throws IOException {
        SortedMap<Integer, Path> years = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                Matcher m = YEAR_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    int year = Integer.parseInt(m.group(1));
                    Path other = years.put(year, p);
                    if (other != null) {
                        throw new BaciFormatException(p, "second file for year " + year + " (also "
                                + other.getFileName() + ")");
                    }
                }
            }
        }
        if (years.isEmpty()) {
            throw new BaciFormatException(dir, "no year file (BACI_*_Y<year>_*.csv) in the directory");
        }
        return years;
    }

    /** The directory the data were read from. */
    public Path directory() {
        return directory;
    }

    /** The years that have a year file (even if all of its rows were rejected). */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(flows.keySet()));
    }

    /** The file each year was read from (file name only). */
    public SortedMap<Integer, String> yearFiles() {
        return yearFiles;
    }

    /** Every accepted flow of {@code year}, in file order. */
    public List<TradeFlow> flows(int year) {
        List<TradeFlow> list = flows.get(year);
        if (list == null) {
            throw new IllegalArgumentException("no data for year " + year + " (years with data: " + years() + ")");
        }
        return list;
    }

    /**
     * The accepted flows of {@code year} for the given HS6 products ({@code null} = every product),
     * in file order.
     *
     * @throws IllegalArgumentException the year has no year file, a product is unknown, or
     *                                  {@code products} is empty
     */
    public List<TradeFlow> flows(int year, Collection<String> products) {
        List<TradeFlow> all = flows(year);
        if (products == null) {
            return all;
        }
        if (products.isEmpty()) {
            throw new IllegalArgumentException("no product given (pass null for every product)");
        }
        Set<String> wanted = new HashSet<>();
        for (String p : products) {
            if (!this.products.containsKey(p)) {
                throw new IllegalArgumentException("unknown HS6 product '" + p + "' (known: "
                        + String.join(", ", this.products.keySet()) + ")");
            }
            wanted.add(p);
        }
        List<TradeFlow> out = new ArrayList<>();
        for (TradeFlow f : all) {
            if (wanted.contains(f.product())) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The flows of {@link #flows(int, Collection)} summed over products into a matrix. */
    public TradeMatrix matrix(int year, Collection<String> products) {
        return TradeMatrix.sumOf(flows(year, products));
    }

    /** ISO3 codes of every country in {@code country_codes.csv}, whether it trades or not. */
    public SortedSet<String> countries() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(countries.keySet()));
    }

    /** ISO3 code to country name, sorted by ISO3. */
    public SortedMap<String, String> countryNames() {
        SortedMap<String, String> names = new TreeMap<>();
        countries.forEach((iso3, c) -> names.put(iso3, c.name()));
        return Collections.unmodifiableSortedMap(names);
    }

    /** ISO3 code to the full row of {@code country_codes.csv}. */
    public SortedMap<String, Country> countryDetails() {
        return countries;
    }

    /** The ISO3 code of a numeric BACI country code, if known. */
    public Optional<String> iso3(int code) {
        return countries.values().stream().filter(c -> c.code() == code).map(Country::iso3).findFirst();
    }

    /** HS6 code to description, sorted by code. */
    public SortedMap<String, String> products() {
        SortedMap<String, String> out = new TreeMap<>();
        products.forEach((code, p) -> out.put(code, p.description()));
        return Collections.unmodifiableSortedMap(out);
    }

    /** HS6 code to the full row of {@code product_codes.csv}. */
    public SortedMap<String, Product> productDetails() {
        return products;
    }

    /** Baseline wedges from {@code tariffs.csv}; all zero when the file is absent. */
    public BaselineTariffs tariffs() {
        return tariffs;
    }

    /** Every rejected row of every file, in reading order. Empty for clean data. */
    public List<DataProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "BaciDataset[" + directory + ": " + countries.size() + " countries, " + products.size()
                + " products, years " + flows.keySet() + ", " + problems.size() + " problems]";
    }

    // ------------------------------------------------------------------------------------------

    /** The reading state: what is known so far and the problems found. */
    private static final class Reader {
        final SortedMap<String, Country> countries = new TreeMap<>();
        final Map<Integer, String> isoByCode = new HashMap<>();
        final Set<Integer> codesWithoutIso3 = new HashSet<>();
        final SortedMap<String, Product> products = new TreeMap<>();
        final List<DataProblem> problems = new ArrayList<>();

        void readCountries(Path file) throws IOException {
            Table t = Table.openWith(file, List.of("country_code"), List.of("country_name", "country_name_full",
                    "country_name_abbreviation"), List.of("country_iso3", "iso_3digit_alpha"));
            int cCode = t.column("country_code");
            int cName = t.column("country_name", "country_name_full", "country_name_abbreviation");
            int cIso3 = t.column("country_iso3", "iso_3digit_alpha");
            int cIso2 = t.column("country_iso2", "iso_2digit_alpha");
            int cRegion = t.column("region");
            Map<String, Long> isoLine = new HashMap<>();
            Map<Integer, Long> codeLine = new HashMap<>();
            for (Table.Row row : t.rows()) {
                if (!t.wellFormed(row, problems)) {
                    continue;
                }
                RowCheck check = new RowCheck(t.name, row.line, problems);
                Integer code = check.integer(row.get(cCode), "country_code");
                String iso3 = row.get(cIso3);
                String name = row.get(cName);
                if (iso3.isEmpty()) {
                    check.fail("country_iso3", "no ISO3 code; flows with country code "
                            + row.get(cCode) + " are rejected");
                    if (code != null) {
                        codesWithoutIso3.add(code);
                    }
                    continue;
                } else if (!ISO3.matcher(iso3).matches()) {
                    check.fail("country_iso3", "malformed ISO3 code \"" + iso3 + "\" (three capital letters)");
                } else if (isoLine.containsKey(iso3)) {
                    check.fail("country_iso3", "ISO3 code " + iso3 + " already used on line " + isoLine.get(iso3));
                }
                if (code != null && codeLine.containsKey(code)) {
                    check.fail("country_code", "country code " + code + " already defined on line " + codeLine.get(code));
                }
                if (check.failed) {
                    continue;
                }
                isoLine.put(iso3, row.line);
                codeLine.put(code, row.line);
                isoByCode.put(code, iso3);
                countries.put(iso3, new Country(code, name, row.get(cIso2), iso3, row.get(cRegion)));
            }
        }

        void readProducts(Path file) throws IOException {
            Table t = Table.openWith(file, List.of("code"), List.of("description"));
            int cCode = t.column("code");
            int cDesc = t.column("description");
            int cStage = t.column("stage");
            Map<String, Long> seen = new HashMap<>();
            for (Table.Row row : t.rows()) {
                if (!t.wellFormed(row, problems)) {
                    continue;
                }
                RowCheck check = new RowCheck(t.name, row.line, problems);
                String hs6 = check.hs6(row.get(cCode), "code");
                if (hs6 != null && seen.containsKey(hs6)) {
                    check.fail("code", "product " + hs6 + " already defined on line " + seen.get(hs6));
                }
                if (check.failed) {
                    continue;
                }
                seen.put(hs6, row.line);
                products.put(hs6, new Product(hs6, row.get(cDesc), row.get(cStage)));
            }
        }

        List<TradeFlow> readFlows(Path file, int fileYear) throws IOException {
            Table t = Table.openExact(file, FLOW_HEADER);
            List<TradeFlow> out = new ArrayList<>();
            Map<FlowKey, Long> seen = new HashMap<>();
            for (Table.Row row : t.rows()) {
                if (!t.wellFormed(row, problems)) {
                    continue;
                }
                RowCheck check = new RowCheck(t.name, row.line, problems);
                Integer year = check.integer(row.get(0), "t");
                if (year != null && year != fileYear) {
                    check.fail("t", "year " + year + " disagrees with the file name (" + fileYear + ")");
                }
                String exporter = country(check, row.get(1), "i", "exporter");
                String importer = country(check, row.get(2), "j", "importer");
                String hs6 = check.hs6(row.get(3), "k");
                if (hs6 != null && !products.containsKey(hs6)) {
                    check.fail("k", "unknown product " + hs6 + " (not in " + PRODUCT_FILE + ")");
                }
                double v = check.amount(row.get(4), "v", false);
                double q = check.amount(row.get(5), "q", true);
                if (check.failed) {
                    continue;
                }
                FlowKey key = new FlowKey(exporter, importer, hs6);
                Long first = seen.putIfAbsent(key, row.line);
                if (first != null) {
                    check.fail("t,i,j,k", "duplicate key " + year + "," + row.get(1) + "," + row.get(2) + ","
                            + row.get(3) + " (first on line " + first + ")");
                    continue;
                }
                out.add(new TradeFlow(year, exporter, importer, hs6, v, q));
            }
            return out;
        }

        List<BaselineTariffs.Row> readTariffs(Path file) throws IOException {
            Table t = Table.openWith(file, List.of("year"), List.of("importer_iso3"), List.of("exporter_iso3"),
                    List.of("hs6"), List.of("rate"));
            int cYear = t.column("year");
            int cImp = t.column("importer_iso3");
            int cExp = t.column("exporter_iso3");
            int cHs6 = t.column("hs6");
            int cRate = t.column("rate");
            int cMeasure = t.column("measure");
            int cSource = t.column("source");
            List<BaselineTariffs.Row> out = new ArrayList<>();
            for (Table.Row row : t.rows()) {
                if (!t.wellFormed(row, problems)) {
                    continue;
                }
                RowCheck check = new RowCheck(t.name, row.line, problems);
                Integer year = check.integer(row.get(cYear), "year");
                String importer = row.get(cImp);
                if (!countries.containsKey(importer)) {
                    check.fail("importer_iso3", "unknown country \"" + importer + "\" (not in " + COUNTRY_FILE + ")");
                }
                String exporter = row.get(cExp);
                if (!BaselineTariffs.ANY_EXPORTER.equals(exporter) && !countries.containsKey(exporter)) {
                    check.fail("exporter_iso3", "unknown country \"" + exporter + "\" (not in " + COUNTRY_FILE
                            + ", nor \"*\")");
                }
                String hs6 = check.hs6(row.get(cHs6), "hs6");
                if (hs6 != null && !products.containsKey(hs6)) {
                    check.fail("hs6", "unknown product " + hs6 + " (not in " + PRODUCT_FILE + ")");
                }
                double rate = check.amount(row.get(cRate), "rate", false);
                if (check.failed) {
                    continue;
                }
                out.add(new BaselineTariffs.Row(year, importer, exporter, hs6, rate, row.get(cMeasure), row.get(cSource)));
            }
            return out;
        }

        private String country(RowCheck check, String raw, String column, String role) {
            Integer code = check.integer(raw, column);
            if (code == null) {
                return null;
            }
            String iso3 = isoByCode.get(code);
            if (iso3 == null) {
                check.fail(column, codesWithoutIso3.contains(code)
                        ? role + " code " + code + " has no ISO3 code in " + COUNTRY_FILE
                        : "unknown " + role + " code " + code + " (not in " + COUNTRY_FILE + ")");
            }
            return iso3;
        }
    }

    private record FlowKey(String exporter, String importer, String hs6) {
    }

    /** Field checks for one row; every failure is recorded and marks the row as rejected. */
    private static final class RowCheck {
        final String file;
        final long line;
        final List<DataProblem> problems;
        boolean failed;

        RowCheck(String file, long line, List<DataProblem> problems) {
            this.file = file;
            this.line = line;
            this.problems = problems;
        }

        void fail(String column, String message) {
            problems.add(new DataProblem(file, line, column, message));
            failed = true;
        }

        Integer integer(String raw, String column) {
            if (!INTEGER.matcher(raw).matches()) {
                fail(column, raw.isEmpty() ? "missing integer" : "malformed integer \"" + raw + "\"");
                return null;
            }
            return Integer.parseInt(raw.startsWith("+") ? raw.substring(1) : raw);
        }

        /** A 6-digit HS code; shorter integers are left-padded with zeros. */
        String hs6(String raw, String column) {
            if (!HS6.matcher(raw).matches()) {
                fail(column, raw.isEmpty() ? "missing HS6 code" : "malformed HS6 code \"" + raw + "\" (up to six digits)");
                return null;
            }
            return "0".repeat(6 - raw.length()) + raw;
        }

        /** A finite number >= 0; with {@code optional}, empty or NA give NaN. NaN on failure. */
        double amount(String raw, String column, boolean optional) {
            if (optional && (raw.isEmpty() || raw.equalsIgnoreCase("NA"))) {
                return Double.NaN;
            }
            if (!NUMBER.matcher(raw).matches()) {
                fail(column, raw.isEmpty() ? "missing number" : "malformed number \"" + raw + "\"");
                return Double.NaN;
            }
            double x = Double.parseDouble(raw);
            if (Double.isInfinite(x)) {
                fail(column, "number out of range \"" + raw + "\"");
                return Double.NaN;
            }
            if (x < 0) {
                fail(column, "negative value " + raw);
                return Double.NaN;
            }
            return x + 0.0; // no negative zero
        }
    }

    /** A CSV file with a header; columns are found by name (case-insensitive). */
    private static final class Table {
        final Path path;
        final String name;
        final List<String> header;
        final List<List<String>> lines = new ArrayList<>();
        final List<Long> lineNumbers = new ArrayList<>();

        record Row(long line, List<String> fields) {
            String get(int column) {
                return column < 0 || column >= fields.size() ? "" : fields.get(column);
            }
        }

        private Table(Path path, List<String> header) {
            this.path = path;
            this.name = path.getFileName().toString();
            this.header = header;
        }

        /** Opens a file whose header must be exactly {@code expected} (in this order). */
        static Table openExact(Path path, List<String> expected) throws IOException {
            Table t = load(path);
            if (!t.header.equals(expected)) {
                throw new BaciFormatException(path, "header must be " + String.join(",", expected) + ", found "
                        + String.join(",", t.header));
            }
            return t;
        }

        /** Opens a file whose header must contain one name of each list of alternatives. */
        @SafeVarargs
        static Table openWith(Path path, List<String>... required) throws IOException {
            Table t = load(path);
            for (List<String> alternatives : required) {
                if (alternatives.stream().noneMatch(t.header::contains)) {
                    throw new BaciFormatException(path, "header has no column " + String.join(" or ", alternatives)
                            + " (found " + String.join(",", t.header) + ")");
                }
            }
            Set<String> distinct = new LinkedHashSet<>(t.header);
            if (distinct.size() != t.header.size()) {
                throw new BaciFormatException(path, "header names a column twice: " + String.join(",", t.header));
            }
            return t;
        }

        private static Table load(Path path) throws IOException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder))) {
                String first = in.readLine();
                if (first == null) {
                    throw new BaciFormatException(path, "empty file, no header");
                }
                if (first.startsWith("\uFEFF")) {
                    first = first.substring(1);
                }
                List<String> header = Csv.split(first);
                if (header == null) {
                    throw new BaciFormatException(path, "header has an unclosed quote");
                }
                Table t = new Table(path, header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
                long n = 1;
                String line;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> fields = Csv.split(line);
                    if (fields == null) {
                        t.lines.add(null);
                    } else {
                        t.lines.add(fields);
                    }
                    t.lineNumbers.add(n);
                }
                return t;
            }
        }

        /** Column position of the first of {@code names} in the header, or -1. */
        int column(String... names) {
            for (String n : names) {
                int at = header.indexOf(n);
                if (at >= 0) {
                    return at;
                }
            }
            return -1;
        }

        /** Every non-blank row after the header, in file order; check each with {@link #wellFormed}. */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < lines.size(); r++) {
                rows.add(new Row(lineNumbers.get(r), lines.get(r)));
            }
            return rows;
        }

        /** Whether the row has as many fields as the header; if not, reports it. */
        boolean wellFormed(Row row, List<DataProblem> problems) {
            if (row.fields() == null) {
                problems.add(new DataProblem(name, row.line(), null, "unclosed quote"));
                return false;
            }
            if (row.fields().size() != header.size()) {
                problems.add(new DataProblem(name, row.line(), null, "expected " + header.size() + " columns ("
                        + String.join(",", header) + "), found " + row.fields().size()));
                return false;
            }
            return true;
        }
    }
}
