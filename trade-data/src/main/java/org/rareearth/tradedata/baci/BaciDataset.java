package org.rareearth.tradedata.baci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.ContentVersion;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.TradeData;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.shared.values.Hs6;

/**
 * A data set in CEPII BACI layout, read once (by the streaming {@link BaciReader}) and held in
 * memory: the accepted flows, the code tables with all their columns, the tariffs and the problems.
 *
 * <p>Files (see {@code data/rare-earth-demo/README.md}):
 * <ul>
 *   <li>{@code country_codes.csv} or CEPII's {@code country_codes_V202401b.csv} (exactly one, mandatory): {@code country_code,country_name,country_iso2,
 *       country_iso3,region}; maps BACI's numeric codes to ISO3. {@code country_iso2} and
 *       {@code region} are optional columns.</li>
 *   <li>{@code product_codes.csv} or {@code product_codes_HS17_V202401b.csv} (exactly one, mandatory): {@code code,description[,stage]}; the HS6 products
 *       the flows may use.</li>
 *   <li>{@code BACI_*_Y<year>[_*].csv} (at least one): header {@code t,i,j,k,v,q}; value {@code v}
 *       in thousand USD, quantity {@code q} in metric tons (empty or {@code NA} = unknown, read as
 *       {@code NaN}).</li>
 *   <li>{@code tariffs.csv} (optional): baseline wedges, see {@link BaselineTariffs}.</li>
 *   <li>{@code dataset.properties} (optional): the provenance {@code notice}.</li>
 * </ul>
 *
 * <p>A missing mandatory file, a header without the expected columns, or two year files for the
 * same year throw a {@link BaciFormatException} naming the file. A faulty row (wrong column count,
 * malformed or negative number, unknown country or product code, a year that disagrees with the
 * file name, a duplicate {@code (t,i,j,k)} key, the same country as exporter and importer, ...) is
 * not used and is reported in {@link #problems()} with file, line (header = line 1) and column;
 * every valid row is kept. Blank lines are ignored. HS6 codes written as integers with fewer than
 * six digits are left-padded with zeros. A row whose exporter equals its importer is rejected as
 * the UN Comtrade reader rejects it ({@link DataProblem#sameCountry}): BACI lists foreign flows
 * only, and domestic shipments are not read from trade rows.
 */
public final class BaciDataset {

    public static final String COUNTRY_FILE = "country_codes.csv";
    public static final String PRODUCT_FILE = "product_codes.csv";

    /** One row of {@code country_codes.csv}. {@code iso2} and {@code region} may be empty. */
    public record Country(int code, String name, String iso2, String iso3, String region) {
    }

    /** One row of {@code product_codes.csv}. {@code stage} may be empty. */
    public record Product(String hs6, String description, String stage) {
    }

    private final Path directory;
    private final String source;
    private final TradeData data;
    private final SortedMap<String, Country> countries;
    private final SortedMap<String, Product> products;
    private final SortedMap<Integer, String> yearFiles;

    private BaciDataset(Path directory, String source, BaciReader.Result result) {
        this.directory = directory;
        this.source = source;
        this.data = result.data();
        this.countries = Collections.unmodifiableSortedMap(new TreeMap<>(result.countries()));
        this.products = Collections.unmodifiableSortedMap(new TreeMap<>(result.products()));
        this.yearFiles = Collections.unmodifiableSortedMap(new TreeMap<>(result.yearFiles()));
    }

    /**
     * Reads every data file of {@code dir} (all products, no limits).
     *
     * @throws BaciFormatException a mandatory file is missing, a header is wrong, or a file is not
     *                             CSV text (names the file, with {@code dir})
     * @throws IOException         a file cannot be read
     */
    public static BaciDataset read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BaciFormatException(dir, "not a directory");
        }
        try (DirectorySource source = new DirectorySource(dir, dir.toString())) {
            return new BaciDataset(dir, dir.toString(), BaciReader.readFull(source, ReadOptions.everything()));
        } catch (BaciFormatException e) {
            throw new BaciFormatException(dir.resolve(e.file()), e.detail());
        } catch (UploadRejectedException e) {
            throw new BaciFormatException(dir, e.getMessage());
        }
    }

    /**
     * Reads a data set from any source (a directory, a ZIP archive) with a product filter and limits.
     * Exceptions as {@link BaciReader#read}; a {@link BaciFormatException} names the bare file name.
     */
    public static BaciDataset read(DataSource source, ReadOptions options) throws IOException {
        return new BaciDataset(null, source.label(), BaciReader.readFull(source, options));
    }

    /** The directory the data were read from; null when read from another {@link DataSource}. */
    public Path directory() {
        return directory;
    }

    /**
     * The content version of the BACI data set in {@code dir}, every product kept
     * ({@link ContentVersion}). Convenience that reads the whole data set; an ingest takes the
     * version from the {@link TradeData} it read anyway.
     */
    public static String version(Path dir) throws IOException {
        return ContentVersion.of(read(dir).tradeData(), ProductFilter.all());
    }

    /** The format-neutral result: flows, tables, problems, row counts, file digests, notice. */
    public TradeData tradeData() {
        return data;
    }

    /** The {@code notice} of {@code dataset.properties}, or null when there is none. */
    public String notice() {
        return data.notice();
    }

    /** The years that have a year file (even if all of its rows were rejected). */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(data.flows().keySet()));
    }

    /** The file each year was read from (file name only). */
    public SortedMap<Integer, String> yearFiles() {
        return yearFiles;
    }

    /** Every accepted flow of {@code year}, in file order. */
    public List<TradeFlow> flows(int year) {
        List<TradeFlow> list = data.flows().get(year);
        if (list == null) {
            throw new IllegalArgumentException("no data for year " + year + " (years with data: " + years() + ")");
        }
        return list;
    }

    /**
     * The accepted flows of {@code year} for the given HS6 products ({@code null} = every product),
     * in file order.
     *
     * @throws IllegalArgumentException the year has no year file, a product is not a six-digit code
     *                                  (malformed) or not in the product table (unknown), or
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
            if (!Hs6.isWellFormed(p)) {
                throw new IllegalArgumentException("malformed HS6 code '" + p + "' (six digits, e.g. 850511)");
            }
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
        return data.countries();
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
        return data.products();
    }

    /** HS6 code to the full row of {@code product_codes.csv}. */
    public SortedMap<String, Product> productDetails() {
        return products;
    }

    /** Baseline wedges from {@code tariffs.csv}; all zero when the file is absent. */
    public BaselineTariffs tariffs() {
        return data.tariffs();
    }

    /** Every rejected row of every file, in reading order. Empty for clean data. */
    public List<DataProblem> problems() {
        return data.problems();
    }

    @Override
    public String toString() {
        return "BaciDataset[" + source + ": " + countries.size() + " countries, " + products.size()
                + " products, years " + data.flows().keySet() + ", " + data.problems().size() + " problems]";
    }
}
