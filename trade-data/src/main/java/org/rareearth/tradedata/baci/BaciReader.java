package org.rareearth.tradedata.baci;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.RowCounter;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.baci.BaciDataset.Country;
import org.rareearth.tradedata.baci.BaciDataset.Product;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.FileKind;
import org.rareearth.tradedata.source.MeteredInput;

/**
 * Streaming reader of trade data in CEPII BACI layout, from a {@link DataSource} (a directory or a
 * ZIP archive such as the one CEPII ships). Which files it reads is {@link BaciFiles}; the small
 * tables are read first ({@link CodeTable}, {@link ReferenceTables}), then each year file once, as
 * bytes, by a {@link YearFileParser}. Every file goes through a {@link MeteredInput}: its SHA-256
 * becomes part of the content version, its bytes drive the progress. Every fault of a row is a
 * {@link org.rareearth.tradedata.DataProblem} worded by {@link org.rareearth.tradedata.RowProblems};
 * memory is bounded by the kept rows: no file and no skipped row is held.
 */
public final class BaciReader {

    /** What {@link BaciDataset} needs beyond the format-neutral {@link TradeData}. */
    record Result(TradeData data, SortedMap<String, Country> countries, SortedMap<String, Product> products,
                  SortedMap<Integer, String> yearFiles) {
    }

    private final DataSource source;
    private final ReadOptions options;
    private final IngestProgress progress;
    private final ProblemLog problems;
    private final RowCounter rows;
    private final SortedMap<String, String> digests = new TreeMap<>();

    private BaciReader(DataSource source, ReadOptions options) {
        this.source = source;
        this.options = options;
        this.progress = options.progress();
        this.problems = new ProblemLog(options.maxProblems(), TradeData.BACI);
        this.rows = new RowCounter(options);
    }

    /**
     * Reads the data set of {@code source}.
     *
     * @throws BaciFormatException     a mandatory file is missing or ambiguous, a header is wrong, two
     *                                 year files claim one year (names the file; {@code file()} is
     *                                 the bare file name)
     * @throws UploadRejectedException NOT_THE_FORMAT (a file is not CSV text), TOO_MANY_ROWS,
     *                                 TOO_MANY_PROBLEMS, NOT_A_DATASET (unreadable dataset.properties)
     * @throws org.rareearth.tradedata.IngestCancelledException the progress was cancelled
     * @throws IOException             a file cannot be read
     */
    public static TradeData read(DataSource source, ReadOptions options) throws IOException {
        return readFull(source, options).data();
    }

    static Result readFull(DataSource source, ReadOptions options) throws IOException {
        return new BaciReader(source, options).run();
    }

    private Result run() throws IOException {
        BaciFiles files = BaciFiles.of(source.fileNames());
        progress.totalBytes(files.toRead().stream().mapToLong(source::size).filter(s -> s > 0).sum());

        ReferenceTables tables = new ReferenceTables(files, problems, options.products());
        tables.readCountries(table(files.countryFile()));
        tables.readProducts(table(files.productFile()));
        SortedMap<Integer, List<TradeFlow>> flows = new TreeMap<>();
        for (Map.Entry<Integer, String> e : files.years().entrySet()) {
            flows.put(e.getKey(), readFlows(e.getValue(), e.getKey(), tables));
        }
        BaselineTariffs tariffs = files.hasTariffs()
                ? new BaselineTariffs(tables.readTariffs(table(BaciFiles.TARIFF_FILE))) : BaselineTariffs.none();
        String notice = files.hasNotice() ? readNotice() : null;

        SortedMap<String, String> productNames = new TreeMap<>();
        tables.products.forEach((code, p) -> productNames.put(code, p.description()));
        SortedMap<String, String> countryNames = new TreeMap<>();
        tables.countries.forEach((iso3, c) -> countryNames.put(iso3, c.name()));
        TradeData data = new TradeData(TradeData.BACI, flows, productNames, countryNames, tariffs, problems.problems(),
                rows.counts(), digests, notice, null);
        return new Result(data, tables.countries, tables.products, files.years());
    }

    /** Opens a file metered (digest, progress). */
    private MeteredInput open(String name) throws IOException {
        progress.file(name);
        progress.checkCancelled();
        return new MeteredInput(source.open(name), progress);
    }

    /** A small table, read whole after checking it is CSV text. */
    private CodeTable table(String name) throws IOException {
        try (MeteredInput in = open(name)) {
            CodeTable t = CodeTable.load(name, FileKind.requireCsv(in, name));
            digests.put(name, in.sha256());
            return t;
        }
    }

    private List<TradeFlow> readFlows(String name, int fileYear, ReferenceTables tables) throws IOException {
        try (MeteredInput metered = open(name)) {
            InputStream in = FileKind.requireCsv(metered, name);
            List<TradeFlow> out = new YearFileParser(name, fileYear, in, tables, options.products(), problems, rows)
                    .read();
            digests.put(name, metered.sha256());
            return out;
        }
    }

    private String readNotice() throws IOException {
        try (MeteredInput in = open(DataNotice.FILE)) {
            byte[] bytes = in.readAllBytes();
            digests.put(DataNotice.FILE, in.sha256());
            return DataNotice.parse(bytes);
        }
    }
}
