package org.rareearth.tradedata.baci;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareearth.tradedata.baci.BaciDataset.Country;
import org.rareearth.tradedata.baci.BaciDataset.Product;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.source.Csv;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.FileKind;
import org.rareearth.tradedata.source.IngestProgress;
import org.rareearth.tradedata.source.MeteredInput;
import org.rareearth.tradedata.source.ProductFilter;
import org.rareearth.tradedata.source.ReadOptions;
import org.rareearth.tradedata.source.TradeData;
import org.rareearth.shared.trade.TradeFlow;

/**
 * Streaming reader of trade data in CEPII BACI layout, from a {@link DataSource} (a directory or a
 * ZIP archive such as the one CEPII ships).
 *
 * <p>Files:
 * <ul>
 *   <li>the country table, {@code country_codes.csv} or CEPII's versioned name
 *       {@code country_codes_V202401b.csv} (exactly one, mandatory);</li>
 *   <li>the product table, {@code product_codes.csv} or {@code product_codes_HS17_V202401b.csv}
 *       (exactly one, mandatory);</li>
 *   <li>year files {@code BACI_<anything>_Y<year>[_<anything>].csv} with header {@code t,i,j,k,v,q}
 *       (at least one; one per year);</li>
 *   <li>{@code tariffs.csv} and {@code dataset.properties} (optional).</li>
 * </ul>
 * Every other file ({@code Readme.txt}, ...) is neither read nor part of the content.
 *
 * <p>The small tables are read first. Each year file is then read once, as bytes, through a
 * {@link MeteredInput} (its SHA-256 becomes part of the content version) with a hand-written
 * parser: a row's product column {@code k} is parsed first, and a row of a product the
 * {@link ProductFilter} does not keep is counted as skipped without further validation (a row
 * with the wrong number of columns or an unparseable {@code k} is rejected even then). Kept rows
 * are validated field by field and every fault is reported as a {@link DataProblem}. Memory is
 * bounded by the kept rows: no file and no skipped row is held.
 */
public final class BaciReader {

    /** {@code country_codes.csv} or {@code country_codes_<version>.csv}. */
    public static final Pattern COUNTRY_FILE = Pattern.compile("country_codes(_.*)?\\.csv");
    /** {@code product_codes.csv} or {@code product_codes_<nomenclature>_<version>.csv}. */
    public static final Pattern PRODUCT_FILE = Pattern.compile("product_codes(_.*)?\\.csv");
    public static final String TARIFF_FILE = "tariffs.csv";
    /** Year files: {@code BACI_<anything>_Y<year>[_<anything>].csv}. */
    public static final Pattern YEAR_FILE = Pattern.compile("BACI_.+_Y(\\d{4})(_.*)?\\.csv");

    /** Rows between two progress reports (and cancellation checks). */
    static final int PROGRESS_EVERY = 1 << 16;
    /** Longest line of a year file; a longer one is rejected and skipped. */
    static final int MAX_LINE = 1 << 20;

    private static final List<String> FLOW_HEADER = List.of("t", "i", "j", "k", "v", "q");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HS6 = Pattern.compile("\\d{1,6}");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int n = 0; n < POW10.length; n++) {
            POW10[n] = p;
            p *= 10;
        }
    }

    /** What {@link BaciDataset} needs beyond the format-neutral {@link TradeData}. */
    record Result(TradeData data, SortedMap<String, Country> countries, SortedMap<String, Product> products,
                  SortedMap<Integer, String> yearFiles) {
    }

    private final DataSource source;
    private final ReadOptions options;
    private final ProductFilter filter;
    private final IngestProgress progress;
    private final List<DataProblem> problems = new ArrayList<>();
    private final SortedMap<String, String> digests = new TreeMap<>();
    private final SortedMap<String, Country> countries = new TreeMap<>();
    private final SortedMap<String, Product> products = new TreeMap<>();
    private final CountryIndex countryIndex = new CountryIndex();
    private final Set<Integer> codesWithoutIso3 = new HashSet<>();
    private final Map<Integer, String> productByNumber = new HashMap<>();
    private String countryFile;
    private String productFile;
    private long rowsRead;
    private long accepted;
    private long rejected;
    private long skipped;

    private BaciReader(DataSource source, ReadOptions options) {
        this.source = source;
        this.options = options;
        this.filter = options.products();
        this.progress = options.progress();
    }

    /**
     * Reads the data set of {@code source}.
     *
     * @throws BaciFormatException     a mandatory file is missing or ambiguous, a header is wrong, two
     *                                 year files claim one year (names the file; {@code file()} is
     *                                 the bare file name)
     * @throws UploadRejectedException NOT_THE_FORMAT (a file is not CSV text), TOO_MANY_ROWS,
     *                                 TOO_MANY_PROBLEMS, NOT_A_DATASET (unreadable dataset.properties)
     * @throws org.rareearth.tradedata.source.IngestCancelledException the progress was cancelled
     * @throws IOException             a file cannot be read
     */
    public static TradeData read(DataSource source, ReadOptions options) throws IOException {
        return readFull(source, options).data();
    }

    static Result readFull(DataSource source, ReadOptions options) throws IOException {
        return new BaciReader(source, options).run();
    }

    private Result run() throws IOException {
        List<String> names = source.fileNames();
        countryFile = single(names, COUNTRY_FILE, BaciDataset.COUNTRY_FILE);
        productFile = single(names, PRODUCT_FILE, BaciDataset.PRODUCT_FILE);
        SortedMap<Integer, String> years = yearFiles(names);
        List<String> toRead = new ArrayList<>(List.of(countryFile, productFile));
        toRead.addAll(years.values());
        boolean hasTariffs = names.contains(TARIFF_FILE);
        boolean hasNotice = names.contains(DataNotice.FILE);
        if (hasTariffs) {
            toRead.add(TARIFF_FILE);
        }
        if (hasNotice) {
            toRead.add(DataNotice.FILE);
        }
        progress.totalBytes(toRead.stream().mapToLong(source::size).filter(s -> s > 0).sum());

        readCountries();
        readProducts();
        SortedMap<Integer, List<TradeFlow>> flows = new TreeMap<>();
        for (Map.Entry<Integer, String> e : years.entrySet()) {
            flows.put(e.getKey(), readFlows(e.getValue(), e.getKey()));
        }
        BaselineTariffs tariffs = hasTariffs ? new BaselineTariffs(readTariffs()) : BaselineTariffs.none();
        String notice = hasNotice ? readNotice() : null;

        SortedMap<String, String> productNames = new TreeMap<>();
        products.forEach((code, p) -> productNames.put(code, p.description()));
        SortedMap<String, String> countryNames = new TreeMap<>();
        countries.forEach((iso3, c) -> countryNames.put(iso3, c.name()));
        TradeData data = new TradeData(TradeData.BACI, flows, productNames, countryNames, tariffs, problems,
                new TradeData.RowCounts(rowsRead, accepted, rejected, skipped), digests, notice, null);
        return new Result(data, countries, products, years);
    }

    // ---------------------------------------------------------------------------------- files

    private static String single(List<String> names, Pattern pattern, String plainName) throws BaciFormatException {
        List<String> found = names.stream().filter(n -> pattern.matcher(n).matches()).toList();
        if (found.isEmpty()) {
            throw new BaciFormatException(Path.of(plainName), "mandatory file is missing");
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
            throw new BaciFormatException(Path.of(""), "no year file (BACI_*_Y<year>_*.csv) in the data set");
        }
        return years;
    }

    /** Opens a file metered (digest, progress) and checked to be CSV text. */
    private MeteredInput open(String name) throws IOException {
        progress.file(name);
        progress.checkCancelled();
        return new MeteredInput(source.open(name), progress);
    }

    private void addProblem(DataProblem problem) {
        problems.add(problem);
        if (problems.size() > options.maxProblems()) {
            throw new UploadRejectedException(Reason.TOO_MANY_PROBLEMS, "more than " + options.maxProblems()
                    + " problems (rareearth.ingest.max-problems); stopped at " + problem.file() + " line "
                    + problem.line() + " (" + problem.message() + "): the files are probably not BACI data");
        }
    }

    private String readNotice() throws IOException {
        try (MeteredInput in = open(DataNotice.FILE)) {
            byte[] bytes = in.readAllBytes();
            digests.put(DataNotice.FILE, in.sha256());
            return DataNotice.parse(bytes);
        }
    }

    // ---------------------------------------------------------------------------------- tables

    private Table table(String name, List<String> exact, List<List<String>> required) throws IOException {
        try (MeteredInput in = open(name)) {
            Table t = Table.load(name, FileKind.requireCsv(in, name));
            digests.put(name, in.sha256());
            if (exact != null) {
                t.requireExactly(exact);
            } else {
                t.requireColumns(required);
            }
            return t;
        }
    }

    private void readCountries() throws IOException {
        Table t = table(countryFile, null, List.of(List.of("country_code"),
                List.of("country_name", "country_name_full", "country_name_abbreviation"),
                List.of("country_iso3", "iso_3digit_alpha")));
        int cCode = t.column("country_code");
        int cName = t.column("country_name", "country_name_full", "country_name_abbreviation");
        int cIso3 = t.column("country_iso3", "iso_3digit_alpha");
        int cIso2 = t.column("country_iso2", "iso_2digit_alpha");
        int cRegion = t.column("region");
        Map<String, Long> isoLine = new HashMap<>();
        Map<Integer, Long> codeLine = new HashMap<>();
        for (Table.Row row : t.rows) {
            if (!t.wellFormed(row, this::addProblem)) {
                continue;
            }
            RowCheck check = new RowCheck(t.name, row.line());
            Integer code = check.integer(row.get(cCode), "country_code");
            String iso3 = row.get(cIso3);
            String name = row.get(cName);
            if (iso3.isEmpty()) {
                check.fail("country_iso3", "no ISO3 code; flows with country code " + row.get(cCode) + " are rejected");
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
            isoLine.put(iso3, row.line());
            codeLine.put(code, row.line());
            countryIndex.put(code, iso3);
            countries.put(iso3, new Country(code, name, row.get(cIso2), iso3, row.get(cRegion)));
        }
    }

    private void readProducts() throws IOException {
        Table t = table(productFile, null, List.of(List.of("code"), List.of("description")));
        int cCode = t.column("code");
        int cDesc = t.column("description");
        int cStage = t.column("stage");
        Map<String, Long> seen = new HashMap<>();
        for (Table.Row row : t.rows) {
            if (!t.wellFormed(row, this::addProblem)) {
                continue;
            }
            RowCheck check = new RowCheck(t.name, row.line());
            String hs6 = check.hs6(row.get(cCode), "code");
            if (hs6 != null && seen.containsKey(hs6)) {
                check.fail("code", "product " + hs6 + " already defined on line " + seen.get(hs6));
            }
            if (check.failed) {
                continue;
            }
            seen.put(hs6, row.line());
            if (filter.keeps(hs6)) {
                products.put(hs6, new Product(hs6, row.get(cDesc), row.get(cStage)));
                productByNumber.put(Integer.parseInt(hs6), hs6);
            }
        }
    }

    private List<BaselineTariffs.Row> readTariffs() throws IOException {
        Table t = table(TARIFF_FILE, null, List.of(List.of("year"), List.of("importer_iso3"), List.of("exporter_iso3"),
                List.of("hs6"), List.of("rate")));
        int cYear = t.column("year");
        int cImp = t.column("importer_iso3");
        int cExp = t.column("exporter_iso3");
        int cHs6 = t.column("hs6");
        int cRate = t.column("rate");
        int cMeasure = t.column("measure");
        int cSource = t.column("source");
        List<BaselineTariffs.Row> out = new ArrayList<>();
        for (Table.Row row : t.rows) {
            if (!t.wellFormed(row, this::addProblem)) {
                continue;
            }
            String rawHs6 = row.get(cHs6);
            if (!filter.keepsAll() && HS6.matcher(rawHs6).matches()
                    && !filter.keeps("0".repeat(6 - rawHs6.length()) + rawHs6)) {
                continue; // a wedge on a product this ingest does not keep
            }
            RowCheck check = new RowCheck(t.name, row.line());
            Integer year = check.integer(row.get(cYear), "year");
            String importer = row.get(cImp);
            if (!countries.containsKey(importer)) {
                check.fail("importer_iso3", "unknown country \"" + importer + "\" (not in " + countryFile + ")");
            }
            String exporter = row.get(cExp);
            if (!BaselineTariffs.ANY_EXPORTER.equals(exporter) && !countries.containsKey(exporter)) {
                check.fail("exporter_iso3", "unknown country \"" + exporter + "\" (not in " + countryFile + ", nor \"*\")");
            }
            String hs6 = check.hs6(rawHs6, "hs6");
            if (hs6 != null && !products.containsKey(hs6)) {
                check.fail("hs6", "unknown product " + hs6 + " (not in " + productFile + ")");
            }
            double rate = check.amount(row.get(cRate), "rate", false);
            if (check.failed) {
                continue;
            }
            out.add(new BaselineTariffs.Row(year, importer, exporter, hs6, rate, row.get(cMeasure), row.get(cSource)));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- year files

    private List<TradeFlow> readFlows(String name, int fileYear) throws IOException {
        try (MeteredInput metered = open(name)) {
            InputStream in = FileKind.requireCsv(metered, name);
            List<TradeFlow> out = new YearFile(name, fileYear, in).read();
            digests.put(name, metered.sha256());
            return out;
        }
    }

    /** The byte-level parser of one year file. */
    private final class YearFile {
        private final String name;
        private final int fileYear;
        private final InputStream in;
        private final List<TradeFlow> out = new ArrayList<>();
        private final LongLongMap seen = new LongLongMap();
        private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final int[] commas = new int[5];
        private byte[] buf;
        private long line;
        private long reportedAccepted;
        private long reportedRejected;
        private long reportedSkipped;
        private long untilReport = PROGRESS_EVERY;
        /** Whether the row being validated has a problem. */
        private boolean failed;

        YearFile(String name, int fileYear, InputStream in) {
            this.name = name;
            this.fileYear = fileYear;
            this.in = in;
        }

        List<TradeFlow> read() throws IOException {
            long acceptedBefore = accepted;
            long rejectedBefore = rejected;
            long skippedBefore = skipped;
            reportedAccepted = acceptedBefore;
            reportedRejected = rejectedBefore;
            reportedSkipped = skippedBefore;
            buf = new byte[1 << 16];
            int start = 0;
            int end = 0;
            int scan = 0;
            boolean eof = false;
            boolean discarding = false;
            while (true) {
                int nl = -1;
                for (int p = scan; p < end; p++) {
                    if (buf[p] == '\n') {
                        nl = p;
                        break;
                    }
                }
                if (nl >= 0) {
                    if (discarding) {
                        discarding = false;
                    } else {
                        line(start, nl);
                    }
                    start = nl + 1;
                    scan = start;
                    continue;
                }
                if (eof) {
                    if (start < end && !discarding) {
                        line(start, end);
                    }
                    break;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else if (end == buf.length) {
                    if (buf.length < MAX_LINE) {
                        buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 4));
                    } else if (!discarding) {
                        // a line this long is not a BACI row: reject it and drop bytes up to the next line break
                        overlong();
                        discarding = true;
                        end = 0;
                    } else {
                        end = 0;
                    }
                }
                scan = end;
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
            if (line == 0) {
                throw new BaciFormatException(Path.of(name), "empty file, no header");
            }
            report();
            return out;
        }

        private void overlong() {
            line++;
            countRow();
            addProblem(new DataProblem(name, line, null, "line longer than " + MAX_LINE + " bytes"));
            rejected++;
            tick();
        }

        private void report() {
            progress.rows(accepted - reportedAccepted, rejected - reportedRejected, skipped - reportedSkipped);
            reportedAccepted = accepted;
            reportedRejected = rejected;
            reportedSkipped = skipped;
            progress.checkCancelled();
        }

        private void countRow() {
            rowsRead++;
            if (rowsRead > options.maxRows()) {
                throw new UploadRejectedException(Reason.TOO_MANY_ROWS, "more than " + options.maxRows()
                        + " data rows (rareearth.ingest.max-rows); stopped at " + name + " line " + line);
            }
        }

        /** After a row is classified (accepted, rejected or skipped): a progress report every batch. */
        private void tick() {
            if (--untilReport == 0) {
                untilReport = PROGRESS_EVERY;
                report();
            }
        }

        /** One line: bytes {@code [from, to)} without the line feed. */
        private void line(int from, int to) throws IOException {
            line++;
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            if (line == 1) {
                header(from, to);
                return;
            }
            int count = 0;
            int high = 0;
            boolean quote = false;
            for (int p = from; p < to; p++) {
                byte b = buf[p];
                if (b == ',') {
                    if (count < 5) {
                        commas[count] = p;
                    }
                    count++;
                } else if (b == '"') {
                    quote = true;
                }
                high |= b;
            }
            if (count == 0 && blank(from, to)) {
                return;
            }
            countRow();
            row(from, to, count, high, quote);
            tick();
        }

        private void row(int from, int to, int count, int high, boolean quote) {
            if (quote) {
                quoted(from, to);
                return;
            }
            if (count != 5) {
                wrongColumns(count + 1);
                return;
            }
            int k = parseHs6(commas[2] + 1, commas[3]);
            if (k >= 0 && !filter.keeps(k)) {
                skipped++;
                return;
            }
            if ((high & 0x80) != 0 && !validUtf8(from, to)) {
                addProblem(new DataProblem(name, line, null, "bad encoding: not valid UTF-8"));
                rejected++;
                return;
            }
            validate(from, to, k);
        }

        private void header(int from, int to) throws BaciFormatException {
            if (to - from >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
                    && (buf[from + 2] & 0xff) == 0xBF) {
                from += 3;
            }
            String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
            List<String> fields = Csv.split(text);
            List<String> header = fields == null ? List.of(text)
                    : fields.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            if (!header.equals(FLOW_HEADER)) {
                throw new BaciFormatException(Path.of(name), "header must be " + String.join(",", FLOW_HEADER)
                        + ", found " + String.join(",", header));
            }
        }

        private boolean blank(int from, int to) {
            for (int p = from; p < to; p++) {
                if (buf[p] < 0 || buf[p] > ' ') {
                    return false;
                }
            }
            return true;
        }

        private boolean validUtf8(int from, int to) {
            try {
                strict.reset().decode(ByteBuffer.wrap(buf, from, to - from));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private void wrongColumns(int found) {
            addProblem(new DataProblem(name, line, null, "expected 6 columns (" + String.join(",", FLOW_HEADER)
                    + "), found " + found));
            rejected++;
        }

        /** A row with double quotes: rare, split as text. */
        private void quoted(int from, int to) {
            failed = false;
            if (!validUtf8(from, to)) {
                addProblem(new DataProblem(name, line, null, "bad encoding: not valid UTF-8"));
                rejected++;
                return;
            }
            List<String> fields = Csv.split(new String(buf, from, to - from, StandardCharsets.UTF_8));
            if (fields == null) {
                addProblem(new DataProblem(name, line, null, "unclosed quote"));
                rejected++;
                return;
            }
            if (fields.size() != 6) {
                wrongColumns(fields.size());
                return;
            }
            String rawK = fields.get(3);
            if (HS6.matcher(rawK).matches() && !filter.keeps(Integer.parseInt(rawK))) {
                skipped++;
                return;
            }
            RowCheck check = new RowCheck(name, line);
            Integer year = check.integer(fields.get(0), "t");
            if (year != null && year != fileYear) {
                check.fail("t", "year " + year + " disagrees with the file name (" + fileYear + ")");
            }
            Integer i = check.integer(fields.get(1), "i");
            String exporter = i == null ? null : country(i, "i", "exporter");
            Integer j = check.integer(fields.get(2), "j");
            String importer = j == null ? null : country(j, "j", "importer");
            if (exporter != null && exporter.equals(importer)) {
                fail("i,j", DataProblem.sameCountry(exporter));
            }
            String hs6 = check.hs6(rawK, "k");
            if (hs6 != null && !products.containsKey(hs6)) {
                fail("k", "unknown product " + hs6 + " (not in " + productFile + ")");
            }
            double v = check.amount(fields.get(4), "v", false);
            double q = check.amount(fields.get(5), "q", true);
            if (check.failed || failed) {
                failed = false;
                rejected++;
                return;
            }
            accept(year, i, j, Integer.parseInt(hs6), exporter, importer, hs6, v, q, fields.get(1), fields.get(2), rawK);
        }

        /** Field checks of a kept (or unclassifiable) row, in column order, as {@link RowCheck} words them. */
        private void validate(int from, int to, int k) {
            failed = false;
            int year = integer(from, commas[0], "t");
            if (year != Integer.MIN_VALUE && year != fileYear) {
                fail("t", "year " + year + " disagrees with the file name (" + fileYear + ")");
            }
            int i = integer(commas[0] + 1, commas[1], "i");
            String exporter = i == Integer.MIN_VALUE ? null : country(i, "i", "exporter");
            int j = integer(commas[1] + 1, commas[2], "j");
            String importer = j == Integer.MIN_VALUE ? null : country(j, "j", "importer");
            if (exporter != null && exporter.equals(importer)) {
                // as the Comtrade reader: BACI lists foreign flows only, a diagonal row is an error
                fail("i,j", DataProblem.sameCountry(exporter));
            }
            String hs6 = null;
            if (k < 0) {
                String raw = text(commas[2] + 1, commas[3]);
                fail("k", raw.isEmpty() ? "missing HS6 code" : "malformed HS6 code \"" + raw + "\" (up to six digits)");
            } else {
                hs6 = productByNumber.get(k);
                if (hs6 == null) {
                    fail("k", "unknown product " + pad(k) + " (not in " + productFile + ")");
                }
            }
            double v = amount(commas[3] + 1, commas[4], "v", false);
            double q = amount(commas[4] + 1, to, "q", true);
            if (failed) {
                rejected++;
                return;
            }
            accept(year, i, j, k, exporter, importer, hs6, v, q, null, null, null);
        }

        private void accept(int year, int i, int j, int k, String exporter, String importer, String hs6, double v,
                            double q, String rawI, String rawJ, String rawK) {
            long key = ((long) (countryIndex.index(i) + 1) << 40) | ((long) (countryIndex.index(j) + 1) << 20) | k;
            long first = seen.putIfAbsent(key, line);
            if (first >= 0) {
                String ri = rawI != null ? rawI : text(commas[0] + 1, commas[1]);
                String rj = rawJ != null ? rawJ : text(commas[1] + 1, commas[2]);
                String rk = rawK != null ? rawK : text(commas[2] + 1, commas[3]);
                addProblem(new DataProblem(name, line, "t,i,j,k", "duplicate key " + year + "," + ri + "," + rj + ","
                        + rk + " (first on line " + first + ")"));
                rejected++;
                return;
            }
            out.add(new TradeFlow(year, exporter, importer, hs6, v, q));
            accepted++;
        }

        private void fail(String column, String message) {
            addProblem(new DataProblem(name, line, column, message));
            failed = true;
        }

        private String country(int code, String column, String role) {
            String iso3 = countryIndex.iso3(code);
            if (iso3 == null) {
                fail(column, codesWithoutIso3.contains(code)
                        ? role + " code " + code + " has no ISO3 code in " + countryFile
                        : "unknown " + role + " code " + code + " (not in " + countryFile + ")");
            }
            return iso3;
        }

        /** The field {@code [from, to)} without surrounding blanks, as text (messages only). */
        private String text(int from, int to) {
            while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
                from++;
            }
            while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
                to--;
            }
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }

        /** {@code \d{1,6}} after trimming, or -1. */
        private int parseHs6(int from, int to) {
            while (from < to && buf[from] >= 0 && buf[from] <= ' ') {
                from++;
            }
            while (to > from && buf[to - 1] >= 0 && buf[to - 1] <= ' ') {
                to--;
            }
            int length = to - from;
            if (length < 1 || length > 6) {
                return -1;
            }
            int value = 0;
            for (int p = from; p < to; p++) {
                int d = buf[p] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                value = value * 10 + d;
            }
            return value;
        }

        /** {@code [+-]?\d{1,9}} after trimming; Integer.MIN_VALUE (and a problem) otherwise. */
        private int integer(int from, int to, String column) {
            int a = from;
            int b = to;
            while (a < b && buf[a] >= 0 && buf[a] <= ' ') {
                a++;
            }
            while (b > a && buf[b - 1] >= 0 && buf[b - 1] <= ' ') {
                b--;
            }
            boolean negative = false;
            int p = a;
            if (p < b && (buf[p] == '+' || buf[p] == '-')) {
                negative = buf[p] == '-';
                p++;
            }
            int digits = b - p;
            if (digits >= 1 && digits <= 9) {
                int value = 0;
                for (; p < b; p++) {
                    int d = buf[p] - '0';
                    if (d < 0 || d > 9) {
                        value = -1;
                        break;
                    }
                    value = value * 10 + d;
                }
                if (value >= 0) {
                    return negative ? -value : value;
                }
            }
            String raw = text(from, to);
            fail(column, raw.isEmpty() ? "missing integer" : "malformed integer \"" + raw + "\"");
            return Integer.MIN_VALUE;
        }

        /**
         * A finite number >= 0 ({@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}); with {@code optional},
         * empty or NA give NaN. NaN (and a problem) on failure. The value is exactly what
         * {@link Double#parseDouble} gives: short decimals are computed as one correctly rounded
         * division of two exact doubles, the rest goes to the JDK.
         */
        private double amount(int from, int to, String column, boolean optional) {
            int a = from;
            int b = to;
            while (a < b && buf[a] >= 0 && buf[a] <= ' ') {
                a++;
            }
            while (b > a && buf[b - 1] >= 0 && buf[b - 1] <= ' ') {
                b--;
            }
            if (optional && (a == b || (b - a == 2 && (buf[a] | 0x20) == 'n' && (buf[a + 1] | 0x20) == 'a'))) {
                return Double.NaN;
            }
            int p = a;
            boolean negative = false;
            if (p < b && (buf[p] == '+' || buf[p] == '-')) {
                negative = buf[p] == '-';
                p++;
            }
            long mantissa = 0;
            int significant = 0;
            int intDigits = 0;
            int fracDigits = 0;
            while (p < b && buf[p] >= '0' && buf[p] <= '9') {
                mantissa = accumulate(mantissa, buf[p]);
                significant += mantissa == 0 ? 0 : 1;
                intDigits++;
                p++;
            }
            if (p < b && buf[p] == '.') {
                p++;
                while (p < b && buf[p] >= '0' && buf[p] <= '9') {
                    mantissa = accumulate(mantissa, buf[p]);
                    significant += mantissa == 0 ? 0 : 1;
                    fracDigits++;
                    p++;
                }
            }
            boolean exponent = false;
            boolean ok = intDigits + fracDigits > 0;
            if (ok && p < b && (buf[p] == 'e' || buf[p] == 'E')) {
                exponent = true;
                p++;
                if (p < b && (buf[p] == '+' || buf[p] == '-')) {
                    p++;
                }
                int expDigits = 0;
                while (p < b && buf[p] >= '0' && buf[p] <= '9') {
                    expDigits++;
                    p++;
                }
                ok = expDigits > 0;
            }
            if (!ok || p != b) {
                String raw = text(from, to);
                fail(column, raw.isEmpty() ? "missing number" : "malformed number \"" + raw + "\"");
                return Double.NaN;
            }
            double x;
            if (!exponent && significant <= 15 && fracDigits < POW10.length) {
                x = mantissa / POW10[fracDigits];
                x = negative ? -x : x;
            } else {
                x = Double.parseDouble(new String(buf, a, b - a, StandardCharsets.ISO_8859_1));
            }
            if (Double.isInfinite(x)) {
                fail(column, "number out of range \"" + text(from, to) + "\"");
                return Double.NaN;
            }
            if (x < 0) {
                fail(column, "negative value " + text(from, to));
                return Double.NaN;
            }
            return x + 0.0; // no negative zero
        }

        private static long accumulate(long mantissa, byte digit) {
            // past 18 digits the value is not used (the JDK parses it), only the count matters
            return mantissa < 100_000_000_000_000_000L ? mantissa * 10 + (digit - '0') : mantissa;
        }
    }

    private static String pad(int k) {
        String s = Integer.toString(k);
        return "0".repeat(6 - s.length()) + s;
    }

    // ---------------------------------------------------------------------------------- helpers

    /** Numeric BACI country code to ISO3 and to a dense index (for duplicate keys). */
    private static final class CountryIndex {
        private static final int DIRECT = 1 << 16;
        private final String[] isoByCode = new String[DIRECT];
        private final int[] indexByCode = new int[DIRECT];
        private final Map<Integer, String> isoOther = new HashMap<>();
        private final Map<Integer, Integer> indexOther = new HashMap<>();
        private int next;

        void put(int code, String iso3) {
            int index = next++;
            if (code >= 0 && code < DIRECT) {
                isoByCode[code] = iso3;
                indexByCode[code] = index;
            } else {
                isoOther.put(code, iso3);
                indexOther.put(code, index);
            }
        }

        String iso3(int code) {
            return code >= 0 && code < DIRECT ? isoByCode[code] : isoOther.get(code);
        }

        /** Only for codes with an ISO3 code. */
        int index(int code) {
            return code >= 0 && code < DIRECT ? indexByCode[code] : indexOther.get(code);
        }
    }

    /** Open-addressing map of non-zero long keys to long values >= 0; 16 bytes an entry at most half full. */
    static final class LongLongMap {
        private long[] keys = new long[1 << 10];
        private long[] values = new long[1 << 10];
        private int size;

        /** The value already stored for {@code key}, or -1 after storing {@code value}. */
        long putIfAbsent(long key, long value) {
            int mask = keys.length - 1;
            int at = mix(key) & mask;
            while (keys[at] != 0) {
                if (keys[at] == key) {
                    return values[at];
                }
                at = (at + 1) & mask;
            }
            keys[at] = key;
            values[at] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int n = 0; n < oldKeys.length; n++) {
                if (oldKeys[n] != 0) {
                    int at = mix(oldKeys[n]) & mask;
                    while (keys[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    keys[at] = oldKeys[n];
                    values[at] = oldValues[n];
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** Field checks for one row of a small table; every failure is recorded and marks the row as rejected. */
    private final class RowCheck {
        final String file;
        final long line;
        boolean failed;

        RowCheck(String file, long line) {
            this.file = file;
            this.line = line;
        }

        void fail(String column, String message) {
            addProblem(new DataProblem(file, line, column, message));
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

    /** A small CSV file with a header (country, product, tariff tables); columns are found by name. */
    private static final class Table {
        final String name;
        final List<String> header;
        final List<Row> rows = new ArrayList<>();

        record Row(long line, List<String> fields) {
            String get(int column) {
                return column < 0 || column >= fields.size() ? "" : fields.get(column);
            }
        }

        private Table(String name, List<String> header) {
            this.name = name;
            this.header = header;
        }

        /** Reads the whole stream (the tables are small); undecodable bytes become U+FFFD. */
        static Table load(String name, InputStream stream) throws IOException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader in = new BufferedReader(new InputStreamReader(stream, decoder));
            String first = in.readLine();
            if (first == null) {
                throw new BaciFormatException(Path.of(name), "empty file, no header");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = Csv.split(first);
            if (header == null) {
                throw new BaciFormatException(Path.of(name), "header has an unclosed quote");
            }
            Table t = new Table(name, header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
            long n = 1;
            String line;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    t.rows.add(new Row(n, Csv.split(line)));
                }
            }
            return t;
        }

        void requireExactly(List<String> expected) throws BaciFormatException {
            if (!header.equals(expected)) {
                throw new BaciFormatException(Path.of(name), "header must be " + String.join(",", expected) + ", found "
                        + String.join(",", header));
            }
        }

        void requireColumns(List<List<String>> required) throws BaciFormatException {
            for (List<String> alternatives : required) {
                if (alternatives.stream().noneMatch(header::contains)) {
                    throw new BaciFormatException(Path.of(name), "header has no column " + String.join(" or ", alternatives)
                            + " (found " + String.join(",", header) + ")");
                }
            }
            Set<String> distinct = new LinkedHashSet<>(header);
            if (distinct.size() != header.size()) {
                throw new BaciFormatException(Path.of(name), "header names a column twice: " + String.join(",", header));
            }
        }

        int column(String... names) {
            for (String n : names) {
                int at = header.indexOf(n);
                if (at >= 0) {
                    return at;
                }
            }
            return -1;
        }

        /** Whether the row has as many fields as the header; if not, reports it. */
        boolean wellFormed(Row row, java.util.function.Consumer<DataProblem> problems) {
            if (row.fields() == null) {
                problems.accept(new DataProblem(name, row.line(), null, "unclosed quote"));
                return false;
            }
            if (row.fields().size() != header.size()) {
                problems.accept(new DataProblem(name, row.line(), null, "expected " + header.size() + " columns ("
                        + String.join(",", header) + "), found " + row.fields().size()));
                return false;
            }
            return true;
        }
    }
}
