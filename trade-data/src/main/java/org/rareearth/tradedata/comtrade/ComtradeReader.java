package org.rareearth.tradedata.comtrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.RowCounter;
import org.rareearth.tradedata.RowProblems;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.source.Csv;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.FileKind;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.source.MeteredInput;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.Reconciliation;
import org.rareearth.tradedata.Reconciliation.FlowSource;
import org.rareearth.tradedata.TradeData;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.values.Iso3;

/**
 * Reads UN Comtrade CSV exports (API "full" CSV or bulk files, annual, HS) and reconciles their
 * reporter-based records into one exporter-to-importer flow per year, product and pair.
 *
 * <p>Every {@code *.csv} file of the source is an export, read once in name order through
 * {@link MeteredInput} (digest and progress) after {@link FileKind#requireCsv}; {@code
 * dataset.properties} gives the provenance notice. Columns are found by name (case-insensitive,
 * unknown columns ignored); see {@link #REQUIRED} and {@link #OPTIONAL}.
 *
 * <p>Per row, in this order: wrong column count or an unclosed quote: rejected; {@code cmdCode}
 * {@code TOTAL} or a 2/4-digit chapter or heading: set aside ({@link #AGGREGATE_PRODUCT}); another
 * {@code cmdCode} that is not six digits: rejected; a product the filter does not keep: skipped
 * (nothing else is checked); {@code freqCode} other than {@code A}: rejected; a malformed year:
 * rejected; {@code flowCode} other than {@code M}/{@code X}: set aside ({@code "flowCode RX"});
 * breakdown rows (second partner, mode of transport, customs procedure): set aside; reporter or
 * partner that is not an assigned ISO 3166 country (World, areas nes, regional groups, empty): set
 * aside in {@code droppedAggregates} as {@code "CODE description"}; then every field problem of the
 * row is reported (reporter = partner, malformed or negative {@code primaryValue}, {@code netWgt},
 * {@code qty}); finally a second report of the same (year, reporter, partner, flow, product) is
 * rejected as a duplicate.
 *
 * <p>Units: {@code primaryValue} (US dollars) / 1000 = thousand USD; quantity = {@code netWgt}
 * (kg) / 1000 = tons, else {@code qty} / 1000 when {@code qtyUnitAbbr} is {@code kg}, else NaN.
 *
 * <p>Reconciliation: the importer's report ({@code M}) gives the flow's value; the exporter's
 * mirror report ({@code X}) is used when the importer did not report. The quantity comes from the
 * same report, or from the other side's when that report has none. Memory grows with the kept
 * records only (one entry per reconciled pair).
 */
public final class ComtradeReader {

    /** Required columns (Comtrade's spelling); {@code period} may stand for {@code refYear}. */
    public static final List<String> REQUIRED = List.of("refYear", "reporterISO", "partnerISO", "flowCode",
            "cmdCode", "primaryValue");
    /**
     * The columns that make a CSV file a Comtrade export for format detection; a file that has them
     * and lacks another required column is read as Comtrade and refused naming what is missing.
     */
    public static final List<String> IDENTIFYING = List.of("refYear", "reporterISO", "flowCode", "cmdCode");
    /** Optional columns that are read when present. */
    public static final List<String> OPTIONAL = List.of("reporterDesc", "partnerDesc", "cmdDesc", "netWgt", "qty",
            "qtyUnitAbbr", "freqCode", "partner2Code", "motCode", "customsCode", "reporterCode", "partnerCode");
    /** The {@code droppedOther} reason of {@code TOTAL} and 2/4-digit {@code cmdCode} rows. */
    public static final String AGGREGATE_PRODUCT = "cmdCode TOTAL/chapter";
    public static final String PARTNER2_BREAKDOWN = "breakdown by partner2Code";
    public static final String MOT_BREAKDOWN = "breakdown by motCode";
    public static final String CUSTOMS_BREAKDOWN = "breakdown by customsCode";

    static final int BATCH = 4096;

    /**
     * BACI's year-file header, only to point a user who sent a BACI file here to the BACI route
     * (this package does not depend on the BACI reader, which defines it: ComtradeReaderTest checks
     * that the two agree).
     */
    static final List<String> BACI_YEAR_HEADER = List.of("t", "i", "j", "k", "v", "q");
    /** What Comtrade accepts as a product code (after TOTAL and chapters are set aside). */
    private static final String HS6_RULE = "six digits";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern HS6 = Pattern.compile("\\d{6}");
    private static final Pattern CHAPTER = Pattern.compile("\\d{2}|\\d{4}");

    private final DataSource source;
    private final ReadOptions options;
    private final IngestProgress progress;

    private final ProblemLog problems;
    private final RowCounter rows;
    private final SortedMap<String, Long> droppedAggregates = new TreeMap<>();
    private final SortedMap<String, Long> droppedOther = new TreeMap<>();
    private final Map<PairKey, Pair> pairs = new HashMap<>();
    private final SortedMap<String, String> names = new TreeMap<>();
    private final SortedMap<String, String> products = new TreeMap<>();
    private final SortedSet<Integer> years = new TreeSet<>();
    private final SortedMap<String, String> digests = new TreeMap<>();

    private ComtradeReader(DataSource source, ReadOptions options) {
        this.source = source;
        this.options = options;
        this.progress = options.progress();
        this.problems = new ProblemLog(options.maxProblems(), TradeData.COMTRADE);
        this.rows = new RowCounter(options);
    }

    /** Whether a header (column names, any case) is a Comtrade export's: it has every {@link #IDENTIFYING} column. */
    public static boolean isExportHeader(List<String> header) {
        List<String> lower = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        return IDENTIFYING.stream().allMatch(c -> lower.contains(c.toLowerCase(Locale.ROOT)));
    }

    /**
     * Reads every {@code *.csv} file of {@code source} as a UN Comtrade export.
     *
     * @throws UploadRejectedException NOT_A_DATASET (no CSV file, a header without a required
     *                                 column, an unreadable dataset.properties), NOT_THE_FORMAT (a file
     *                                 that is not CSV text), TOO_MANY_ROWS, TOO_MANY_PROBLEMS
     * @throws org.rareearth.tradedata.IngestCancelledException when the progress was cancelled
     */
    public static TradeData read(DataSource source, ReadOptions options) throws IOException {
        return new ComtradeReader(source, options).run();
    }

    private TradeData run() throws IOException {
        progress.totalBytes(source.totalBytes());
        List<String> files = source.fileNames().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
                .sorted()
                .toList();
        if (files.isEmpty()) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET,
                    "the data set contains no .csv file (expected UN Comtrade CSV exports)");
        }
        String notice = source.fileNames().contains(DataNotice.FILE) ? notice() : null;
        for (String file : files) {
            readFile(file);
        }
        return result(notice);
    }

    private String notice() throws IOException {
        progress.file(DataNotice.FILE);
        byte[] bytes;
        MeteredInput metered = new MeteredInput(source.open(DataNotice.FILE), progress);
        try (metered) {
            bytes = metered.readAllBytes();
        }
        digests.put(DataNotice.FILE, metered.sha256());
        return DataNotice.parse(bytes);
    }

    private void readFile(String file) throws IOException {
        progress.file(file);
        progress.checkCancelled();
        MeteredInput metered = new MeteredInput(source.open(file), progress);
        try (metered; InputStream in = FileKind.requireCsv(metered, file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String headerLine = lines.readLine();
            Columns columns = Columns.of(file, headerLine == null ? "" : headerLine);
            long lineNo = 1;
            String line;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows.read(file, lineNo);
                row(file, lineNo, line, columns);
                if (rows.rowsRead() % BATCH == 0) {
                    rows.report();
                }
            }
        }
        digests.put(file, metered.sha256());
        rows.report();
    }

    private void row(String file, long line, String text, Columns c) {
        // bytes that are not UTF-8 were decoded as U+FFFD; the row's names and codes cannot be trusted
        if (text.indexOf('\uFFFD') >= 0) {
            reject(List.of(new DataProblem(file, line, null, RowProblems.BAD_ENCODING)));
            return;
        }
        List<String> f = Csv.split(text);
        if (f == null) {
            reject(List.of(new DataProblem(file, line, null, RowProblems.UNCLOSED_QUOTE)));
            return;
        }
        if (f.size() != c.count) {
            reject(List.of(new DataProblem(file, line, null, RowProblems.columnCount(c.header, f.size()))));
            return;
        }
        String cmd = f.get(c.cmd);
        if (cmd.equalsIgnoreCase("TOTAL") || CHAPTER.matcher(cmd).matches()) {
            setAside(droppedOther, AGGREGATE_PRODUCT);
            return;
        }
        if (!HS6.matcher(cmd).matches()) {
            reject(problem(file, line, "cmdCode", RowProblems.badHs6(cmd, HS6_RULE)));
            return;
        }
        if (!options.products().keeps(cmd)) {
            rows.skipped();
            return;
        }
        String freq = c.get(f, c.freq);
        if (c.freq >= 0 && !freq.equals("A")) {
            reject(problem(file, line, "freqCode", freq.equals("M")
                    ? "monthly data (freqCode M): only annual exports (freqCode A) are accepted"
                    : "freqCode \"" + freq + "\": only annual exports (freqCode A) are accepted"));
            return;
        }
        String yearText = f.get(c.year);
        if (!YEAR.matcher(yearText).matches()) {
            reject(problem(file, line, c.yearName, c.yearName.equals("period") && yearText.matches("\\d{6}")
                    ? "period " + yearText + " is a month: only annual exports are accepted"
                    : "malformed year \"" + yearText + "\""));
            return;
        }
        int year = Integer.parseInt(yearText);
        String flow = f.get(c.flow);
        if (flow.isEmpty()) {
            reject(problem(file, line, "flowCode", "flowCode is empty (expected M or X)"));
            return;
        }
        // from here on the row belongs to the data set: its year and product are known
        years.add(year);
        describe(products, cmd, c.get(f, c.cmdDesc));
        if (!flow.equals("M") && !flow.equals("X")) {
            setAside(droppedOther, "flowCode " + flow);
            return;
        }
        String partner2 = c.get(f, c.partner2);
        if (!partner2.isEmpty() && !partner2.equals("0")) {
            setAside(droppedOther, PARTNER2_BREAKDOWN);
            return;
        }
        String mot = c.get(f, c.mot);
        if (!mot.isEmpty() && !mot.equals("0")) {
            setAside(droppedOther, MOT_BREAKDOWN);
            return;
        }
        String customs = c.get(f, c.customs);
        if (!customs.isEmpty() && !customs.equalsIgnoreCase("C00")) {
            setAside(droppedOther, CUSTOMS_BREAKDOWN);
            return;
        }
        String reporter = f.get(c.reporter);
        String partner = f.get(c.partner);
        if (!Iso3.assigned().contains(reporter)) {
            setAside(droppedAggregates, aggregate(reporter, c.get(f, c.reporterDesc)));
            return;
        }
        if (!Iso3.assigned().contains(partner)) {
            setAside(droppedAggregates, aggregate(partner, c.get(f, c.partnerDesc)));
            return;
        }
        List<DataProblem> found = new ArrayList<>();
        if (reporter.equals(partner)) {
            found.add(new DataProblem(file, line, "partnerISO", RowProblems.sameCountry(reporter)));
        }
        double value = number(f, c.value, "primaryValue", true, file, line, found);
        double netWgt = c.netWgt >= 0 ? number(f, c.netWgt, "netWgt", false, file, line, found) : Double.NaN;
        double qty = c.qty >= 0 ? number(f, c.qty, "qty", false, file, line, found) : Double.NaN;
        if (!found.isEmpty()) {
            reject(found);
            return;
        }
        boolean imports = flow.equals("M");
        String exporter = imports ? partner : reporter;
        String importer = imports ? reporter : partner;
        Pair pair = pairs.computeIfAbsent(new PairKey(year, cmd, exporter, importer), k -> new Pair());
        Report first = imports ? pair.importer : pair.exporter;
        if (first != null) {
            reject(problem(file, line, c.yearName + ",reporterISO,partnerISO,flowCode,cmdCode", RowProblems.duplicateKey(
                    year + "," + reporter + "," + partner + "," + flow + "," + cmd, first.line,
                    first.file.equals(file) ? null : first.file)));
            return;
        }
        double tons;
        if (!Double.isNaN(netWgt)) {
            tons = netWgt / 1000;
        } else if (!Double.isNaN(qty) && c.get(f, c.qtyUnit).equalsIgnoreCase("kg")) {
            tons = qty / 1000;
        } else {
            tons = Double.NaN;
        }
        Report report = new Report(value / 1000, tons, file, line);
        if (imports) {
            pair.importer = report;
        } else {
            pair.exporter = report;
        }
        describe(names, reporter, c.get(f, c.reporterDesc));
        describe(names, partner, c.get(f, c.partnerDesc));
        rows.accepted();
    }

    /**
     * Parses a number column; empty = NaN (or a problem when required); malformed or negative = a
     * problem, in the words of {@link RowProblems} as the BACI reader says them.
     */
    private static double number(List<String> f, int index, String column, boolean required, String file, long line,
                                 List<DataProblem> found) {
        String text = f.get(index);
        if (text.isEmpty()) {
            if (required) {
                found.add(new DataProblem(file, line, column, RowProblems.badNumber(text)));
            }
            return Double.NaN;
        }
        if (!NUMBER.matcher(text).matches()) {
            found.add(new DataProblem(file, line, column, RowProblems.badNumber(text)));
            return Double.NaN;
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            found.add(new DataProblem(file, line, column, RowProblems.outOfRange(text)));
            return Double.NaN;
        }
        if (v < 0) {
            found.add(new DataProblem(file, line, column, RowProblems.negative(text)));
            return Double.NaN;
        }
        return v;
    }

    private static String aggregate(String code, String description) {
        String name = code.isEmpty() ? "(empty)" : code;
        return description.isEmpty() ? name : name + " " + description;
    }

    private static void describe(SortedMap<String, String> map, String code, String description) {
        String known = map.get(code);
        if (known == null || (known.equals(code) && !description.isEmpty())) {
            map.put(code, description.isEmpty() ? code : description);
        }
    }

    private static List<DataProblem> problem(String file, long line, String column, String message) {
        return List.of(new DataProblem(file, line, column, message));
    }

    private void setAside(SortedMap<String, Long> counts, String reason) {
        counts.merge(reason, 1L, Long::sum);
        rows.skipped();
    }

    private void reject(List<DataProblem> found) {
        rows.rejected();
        found.forEach(problems::add);
    }

    private TradeData result(String notice) {
        SortedMap<Integer, List<TradeFlow>> flows = new TreeMap<>();
        years.forEach(y -> flows.put(y, new ArrayList<>()));
        List<FlowSource> sources = new ArrayList<>(pairs.size());
        SortedMap<String, String> countries = new TreeMap<>();
        long fromImporter = 0;
        long fromExporter = 0;
        long mirrored = 0;
        List<Map.Entry<PairKey, Pair>> sorted = new ArrayList<>(pairs.entrySet());
        sorted.sort(Map.Entry.comparingByKey(PairKey.ORDER));
        for (Map.Entry<PairKey, Pair> e : sorted) {
            PairKey k = e.getKey();
            Report imp = e.getValue().importer;
            Report exp = e.getValue().exporter;
            Report used = imp != null ? imp : exp;
            Report other = imp != null ? exp : null;
            double tons = Double.isNaN(used.tons) && other != null ? other.tons : used.tons;
            flows.get(k.year).add(new TradeFlow(k.year, k.exporter, k.importer, k.product, used.value, tons));
            sources.add(new FlowSource(k.year, k.product, k.exporter, k.importer,
                    imp != null ? Reconciliation.IMPORTER : Reconciliation.EXPORTER,
                    imp == null ? null : imp.value, exp == null ? null : exp.value));
            if (imp != null) {
                fromImporter++;
                if (exp != null) {
                    mirrored++;
                }
            } else {
                fromExporter++;
            }
            countries.put(k.exporter, names.get(k.exporter));
            countries.put(k.importer, names.get(k.importer));
        }
        Reconciliation reconciliation = new Reconciliation(fromImporter, fromExporter, mirrored, droppedAggregates,
                droppedOther, sources);
        return new TradeData(TradeData.COMTRADE, flows, products, countries, BaselineTariffs.none(),
                problems.problems(), rows.counts(), digests, notice, reconciliation);
    }

    /** One reconciled pair: exporter ships product to importer in year. */
    private record PairKey(int year, String product, String exporter, String importer) {
        static final Comparator<PairKey> ORDER = Comparator.comparingInt(PairKey::year)
                .thenComparing(PairKey::product).thenComparing(PairKey::exporter).thenComparing(PairKey::importer);
    }

    /** The two reports of a pair; a side that did not report is null. */
    private static final class Pair {
        Report importer;
        Report exporter;
    }

    /** One kept record: value in thousand USD, quantity in tons (NaN = unknown), where it was read. */
    private record Report(double value, double tons, String file, long line) {
    }

    /** Column positions of one file's header; -1 = the optional column is absent. */
    private static final class Columns {
        final List<String> header;
        final int count;
        final int year;
        final String yearName;
        final int reporter;
        final int partner;
        final int flow;
        final int cmd;
        final int value;
        final int reporterDesc;
        final int partnerDesc;
        final int cmdDesc;
        final int netWgt;
        final int qty;
        final int qtyUnit;
        final int freq;
        final int partner2;
        final int mot;
        final int customs;

        private Columns(List<String> header, Map<String, Integer> index) {
            this.header = List.copyOf(header);
            count = header.size();
            int refYear = index.getOrDefault("refyear", -1);
            year = refYear >= 0 ? refYear : index.get("period");
            yearName = refYear >= 0 ? "refYear" : "period";
            reporter = index.get("reporteriso");
            partner = index.get("partneriso");
            flow = index.get("flowcode");
            cmd = index.get("cmdcode");
            value = index.get("primaryvalue");
            reporterDesc = index.getOrDefault("reporterdesc", -1);
            partnerDesc = index.getOrDefault("partnerdesc", -1);
            cmdDesc = index.getOrDefault("cmddesc", -1);
            netWgt = index.getOrDefault("netwgt", -1);
            qty = index.getOrDefault("qty", -1);
            qtyUnit = index.getOrDefault("qtyunitabbr", -1);
            freq = index.getOrDefault("freqcode", -1);
            partner2 = index.getOrDefault("partner2code", -1);
            mot = index.getOrDefault("motcode", -1);
            customs = index.getOrDefault("customscode", -1);
        }

        /** The field at {@code index}, or "" when the optional column is absent. */
        String get(List<String> fields, int index) {
            return index < 0 ? "" : fields.get(index);
        }

        static Columns of(String file, String line) {
            String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
            List<String> header = Csv.split(text);
            if (header == null) {
                throw new UploadRejectedException(Reason.NOT_A_DATASET, file
                        + ": the header has a quoted field that is not closed");
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int n = 0; n < header.size(); n++) {
                index.putIfAbsent(header.get(n).toLowerCase(Locale.ROOT), n);
            }
            List<String> missing = new ArrayList<>();
            for (String name : REQUIRED) {
                String key = name.toLowerCase(Locale.ROOT);
                if (!index.containsKey(key) && !(key.equals("refyear") && index.containsKey("period"))) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                String message = file + ": not a UN Comtrade export, the header has no column " + String.join(", ", missing)
                        + " (required: refYear or period, reporterISO, partnerISO, flowCode, cmdCode, primaryValue)";
                if (header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().equals(BACI_YEAR_HEADER)) {
                    message += "; the header t,i,j,k,v,q is a BACI year file: upload it as a BACI data set";
                }
                throw new UploadRejectedException(Reason.NOT_A_DATASET, message);
            }
            return new Columns(header, index);
        }
    }
}
