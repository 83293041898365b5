package org.rareearth.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rareearth.tradedata.baci.BaciReader;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.source.ZipSource;

/**
 * Load driver for the streaming BACI ingest ({@link BaciReader}): how fast a real-size BACI year
 * (about 10 million rows, every HS6 product) is read and filtered down to the rare-earth
 * products, and how much heap that takes.
 *
 * <ol>
 *   <li>Generates (seeded, reused when it exists with the same parameters) a synthetic year in
 *       CEPII's real layout: {@code BACI_HS17_Y2022_V202401b.csv} with {@code --rows} rows of
 *       {@code t,i,j,k,v,q} sorted by exporter, importer and product (no duplicate key), about
 *       5000 products among which the rare-earth codes of {@code data/rare-earth-demo}, about 200
 *       countries, {@code v} with 3 decimals, {@code q} with 3 decimals or empty or {@code NA};
 *       plus {@code country_codes_V202401b.csv}, {@code product_codes_HS17_V202401b.csv} and a
 *       {@code Readme.txt}. A deflated ZIP of the folder is made too.</li>
 *   <li>Times {@code BaciReader.read} with the rare-earth product filter over the folder and
 *       over the ZIP ({@code --runs} runs each, single thread) and prints rows read per second
 *       (accepted + rejected + skipped) and MB per second (bytes of the files read).</li>
 *   <li>Prints the heap: the peak of every heap memory pool (reset before each run, summed: an
 *       upper bound of the peak heap, the pools peak at different moments), the heap used after
 *       a full GC with the result still referenced, and the GC counts. Run it with a small
 *       {@code -Xmx} (e.g. 128m): the run failing with OutOfMemoryError would disprove the bound.</li>
 *   <li>As a reference, counts the same file with DuckDB's JDBC driver (when it is on the class
 *       path): {@code SELECT count(*) FROM read_csv(...)} and the filtered
 *       {@code SELECT count(*), sum(v) ... WHERE k IN (...)}, with DuckDB's default threads and
 *       with {@code SET threads=1}.</li>
 * </ol>
 *
 * <p>Run from the project root:
 * <pre>
 * ./mvnw -q -DskipTests -pl benchmarks -am package
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar org.rareearth.benchmarks.IngestThroughput
 * </pre>
 * Options: {@code --rows N} (default 10000000), {@code --dir DIR} (default
 * {@code benchmarks/target/baci-large}), {@code --runs N} (default 3), {@code --seed N},
 * {@code --no-zip}, {@code --no-duckdb}.
 */
public final class IngestThroughput {

    static final String YEAR_FILE = "BACI_HS17_Y2022_V202401b.csv";
    static final String COUNTRY_FILE = "country_codes_V202401b.csv";
    static final String PRODUCT_FILE = "product_codes_HS17_V202401b.csv";
    static final String PARAMETERS_FILE = "generator.properties";
    static final int YEAR = 2022;
    /** The products of {@code data/rare-earth-demo/product_codes.csv}: the default filter. */
    static final List<String> RARE_EARTHS = List.of("253090", "280530", "284610", "284690", "850511");
    static final int PRODUCTS = 5000;
    static final int COUNTRIES = 200;
    static final int GENERATOR_VERSION = 1;

    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000;
        Path dir = Path.of("benchmarks", "target", "baci-large");
        int runs = 3;
        long seed = 20240601L;
        boolean zip = true;
        boolean duckdb = true;
        for (int n = 0; n < args.length; n++) {
            switch (args[n]) {
                case "--rows" -> rows = Long.parseLong(args[++n].replace("_", ""));
                case "--dir" -> dir = Path.of(args[++n]);
                case "--runs" -> runs = Integer.parseInt(args[++n]);
                case "--seed" -> seed = Long.parseLong(args[++n]);
                case "--no-zip" -> zip = false;
                case "--no-duckdb" -> duckdb = false;
                default -> {
                    System.err.println("usage: IngestThroughput [--rows N] [--dir DIR] [--runs N] [--seed N] [--no-zip] [--no-duckdb]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Path data = generate(dir, rows, seed);
        Path year = data.resolve(YEAR_FILE);
        System.out.printf(Locale.ROOT, "year file %s: %d rows, %.1f MB%n", year, rows, Files.size(year) / 1e6);
        ProductFilter filter = ProductFilter.of(RARE_EARTHS);

        System.out.println("\n== BaciReader, folder, filter " + filter + " (single thread)");
        for (int run = 1; run <= runs; run++) {
            time("folder run " + run, () -> new DirectorySource(data, data.toString()), filter);
        }
        if (zip) {
            Path archive = zip(data);
            System.out.printf(Locale.ROOT, "%n== BaciReader, ZIP %s (%.1f MB deflated), filter %s%n", archive,
                    Files.size(archive) / 1e6, filter);
            ArchiveLimits limits = new ArchiveLimits(Long.MAX_VALUE, Long.MAX_VALUE, 1000);
            for (int run = 1; run <= runs; run++) {
                time("zip run " + run, () -> ZipSource.open(archive, limits, archive.getFileName().toString()), filter);
            }
        }
        if (duckdb) {
            duckdb(year, rows, runs);
        }
    }

    private interface SourceFactory {
        DataSource open() throws IOException;
    }

    private static void time(String label, SourceFactory factory, ProductFilter filter) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        IngestProgress progress = new IngestProgress();
        ReadOptions options = new ReadOptions(filter, Long.MAX_VALUE, Integer.MAX_VALUE, progress);
        long start = System.nanoTime();
        TradeData data;
        try (DataSource source = factory.open()) {
            data = BaciReader.read(source, options);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcs = gcCount() - gcCount;
        long gcTime = gcMillis() - gcMillis;
        System.gc();
        long retained = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        TradeData.RowCounts r = data.rows();
        long bytes = progress.snapshot().bytesRead();
        System.out.printf(Locale.ROOT, "%-12s %6.2f s  %,12.0f rows/s  %7.1f MB/s  read %,d = accepted %,d + rejected %,d"
                        + " + skipped %,d  | heap peak (sum of pool peaks) %5.1f MB, after GC with result %5.1f MB,"
                        + " %d GCs %d ms%n",
                label, seconds, r.read() / seconds, bytes / 1e6 / seconds, r.read(), r.accepted(), r.rejected(),
                r.skipped(), peak / 1048576.0, retained / 1048576.0, gcs, gcTime);
        double sum = data.flows().values().stream().flatMap(List::stream).mapToDouble(f -> f.value()).sum();
        System.out.printf(Locale.ROOT, "  accepted sum(v) %.3f (cross-check with DuckDB's filtered query)%n", sum);
        if (!data.problems().isEmpty()) {
            System.out.println("  first problem: " + data.problems().get(0));
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    // ------------------------------------------------------------------------------ DuckDB

    private static void duckdb(Path year, long rows, int runs) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            System.out.println("\nDuckDB JDBC driver not on the class path: comparison skipped");
            return;
        }
        String file = year.toAbsolutePath().toString().replace("'", "''");
        String csv = "read_csv('" + file + "', header=true)";
        String in = String.join(", ", RARE_EARTHS.stream().map(c -> Integer.toString(Integer.parseInt(c))).toList());
        String count = "SELECT count(*) FROM " + csv;
        String filtered = "SELECT count(*), sum(v) FROM " + csv + " WHERE k IN (" + in + ")";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet version = s.executeQuery("SELECT version(), current_setting('threads')")) {
                version.next();
                System.out.printf("%n== DuckDB %s (JDBC, in this JVM), default threads = %s%n", version.getString(1),
                        version.getString(2));
            }
            try (ResultSet types = s.executeQuery("DESCRIBE SELECT * FROM " + csv)) {
                StringBuilder b = new StringBuilder("detected columns:");
                while (types.next()) {
                    b.append(' ').append(types.getString(1)).append(' ').append(types.getString(2));
                }
                System.out.println(b);
            }
            for (String threads : List.of("default", "1")) {
                if (!threads.equals("default")) {
                    s.execute("SET threads=" + threads);
                }
                for (int run = 1; run <= runs; run++) {
                    query(s, "threads=" + threads + " count run " + run, count, rows);
                    query(s, "threads=" + threads + " filtered run " + run, filtered, rows);
                }
            }
        } catch (SQLException e) {
            System.out.println("DuckDB failed: " + e.getMessage());
        }
    }

    private static void query(Statement s, String label, String sql, long rows) throws SQLException {
        long start = System.nanoTime();
        String answer;
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            answer = r.getMetaData().getColumnCount() == 1 ? r.getString(1) : r.getString(1) + " rows, sum(v) " + r.getString(2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-30s %6.2f s  %,12.0f rows/s  -> %s%n", label, seconds, rows / seconds, answer);
    }

    // ------------------------------------------------------------------------------ data

    /** The folder with the year file for these parameters, generated unless it is already there. */
    static Path generate(Path dir, long rows, long seed) throws IOException {
        Files.createDirectories(dir);
        Properties wanted = new Properties();
        wanted.setProperty("rows", Long.toString(rows));
        wanted.setProperty("seed", Long.toString(seed));
        wanted.setProperty("generator", Integer.toString(GENERATOR_VERSION));
        Path parameters = dir.resolve(PARAMETERS_FILE);
        Path year = dir.resolve(YEAR_FILE);
        if (Files.isRegularFile(parameters) && Files.isRegularFile(year)) {
            Properties found = new Properties();
            try (InputStream in = Files.newInputStream(parameters)) {
                found.load(in);
            }
            if (wanted.equals(found)) {
                System.out.println("reusing " + dir + " (" + wanted + ")");
                return dir;
            }
        }
        System.out.println("generating " + rows + " rows into " + dir + " (seed " + seed + ") ...");
        long start = System.nanoTime();
        Files.deleteIfExists(parameters);
        Files.deleteIfExists(dir.resolve(dir.getFileName() + ".zip"));
        SplittableRandom random = new SplittableRandom(seed);

        int[] countryCodes = new int[COUNTRIES];
        StringBuilder countries = new StringBuilder("country_code,country_name,country_iso2,country_iso3\n");
        for (int n = 0; n < COUNTRIES; n++) {
            countryCodes[n] = 4 + 4 * n; // BACI's numeric codes are ISO 3166 numerics, 4 to 894
            String iso3 = "" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26) + (char) ('A' + n / 676 + 23);
            countries.append(countryCodes[n]).append(",Country ").append(n).append(',').append(iso3, 0, 2).append(',')
                    .append(iso3).append('\n');
        }
        Files.writeString(dir.resolve(COUNTRY_FILE), countries, StandardCharsets.UTF_8);

        TreeSet<Integer> codes = new TreeSet<>();
        RARE_EARTHS.forEach(c -> codes.add(Integer.parseInt(c)));
        while (codes.size() < PRODUCTS) {
            codes.add(10_000 + random.nextInt(960_000));
        }
        int[] products = codes.stream().mapToInt(Integer::intValue).toArray();
        StringBuilder productTable = new StringBuilder("code,description\n");
        for (int code : products) {
            String hs6 = String.format(Locale.ROOT, "%06d", code);
            productTable.append(hs6).append(",\"Product ").append(hs6)
                    .append(RARE_EARTHS.contains(hs6) ? ", rare earths" : ", other goods").append("\"\n");
        }
        Files.writeString(dir.resolve(PRODUCT_FILE), productTable, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Readme.txt"), "Synthetic data in the layout of CEPII BACI HS17 V202401b, made by "
                + IngestThroughput.class.getName() + " (" + wanted + "). NOT trade data.\n", StandardCharsets.UTF_8);

        // rows sorted by exporter, importer, product like BACI; each pair gets its share of rows,
        // its products drawn without replacement (selection sampling), so no key repeats
        long pairs = (long) COUNTRIES * (COUNTRIES - 1);
        if (rows > pairs * PRODUCTS) {
            throw new IllegalArgumentException("at most " + pairs * PRODUCTS + " rows");
        }
        byte[] line = new byte[128];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(year), 1 << 20)) {
            out.write("t,i,j,k,v,q\n".getBytes(StandardCharsets.US_ASCII));
            long pair = 0;
            for (int i = 0; i < COUNTRIES; i++) {
                for (int j = 0; j < COUNTRIES; j++) {
                    if (i == j) {
                        continue;
                    }
                    long share = rows * (pair + 1) / pairs - rows * pair / pairs;
                    pair++;
                    long needed = share;
                    for (int p = 0; p < PRODUCTS && needed > 0; p++) {
                        if (random.nextLong(PRODUCTS - p) >= needed) {
                            continue;
                        }
                        needed--;
                        int at = 0;
                        at = putInt(line, at, YEAR);
                        line[at++] = ',';
                        at = putInt(line, at, countryCodes[i]);
                        line[at++] = ',';
                        at = putInt(line, at, countryCodes[j]);
                        line[at++] = ',';
                        at = putInt(line, at, products[p]);
                        line[at++] = ',';
                        // thousand USD, heavy-tailed: most flows small, a few large
                        long v = Math.max(1, (long) Math.exp(random.nextDouble() * 16));
                        at = putThousandths(line, at, v);
                        line[at++] = ',';
                        int kind = random.nextInt(100);
                        if (kind < 6) {
                            line[at++] = 'N';
                            line[at++] = 'A';
                        } else if (kind < 8) {
                            // empty quantity
                        } else {
                            at = putThousandths(line, at, Math.max(1, (long) (v * random.nextDouble() * 2)));
                        }
                        line[at++] = '\n';
                        out.write(line, 0, at);
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(parameters)) {
            wanted.store(out, "parameters of " + YEAR_FILE);
        }
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return dir;
    }

    /** A deflated ZIP of the data files in one folder, next to them; reused when newer than the parameters. */
    static Path zip(Path dir) throws IOException {
        Path zip = dir.resolve(dir.getFileName() + ".zip");
        Path parameters = dir.resolve(PARAMETERS_FILE);
        if (Files.isRegularFile(zip)
                && Files.getLastModifiedTime(zip).compareTo(Files.getLastModifiedTime(parameters)) > 0) {
            return zip;
        }
        System.out.println("zipping " + dir + " ...");
        List<String> names = new ArrayList<>(List.of("Readme.txt", COUNTRY_FILE, PRODUCT_FILE, YEAR_FILE));
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 20))) {
            out.setLevel(6);
            for (String name : names) {
                out.putNextEntry(new ZipEntry("BACI_HS17_V202401b/" + name));
                Files.copy(dir.resolve(name), out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static int putInt(byte[] b, int at, long value) {
        if (value == 0) {
            b[at++] = '0';
            return at;
        }
        int start = at;
        while (value > 0) {
            b[at++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int l = start, r = at - 1; l < r; l++, r--) {
            byte t = b[l];
            b[l] = b[r];
            b[r] = t;
        }
        return at;
    }

    /** {@code value / 1000} with exactly three decimals. */
    private static int putThousandths(byte[] b, int at, long value) {
        at = putInt(b, at, value / 1000);
        b[at++] = '.';
        long frac = value % 1000;
        b[at++] = (byte) ('0' + frac / 100);
        b[at++] = (byte) ('0' + frac / 10 % 10);
        b[at++] = (byte) ('0' + frac % 10);
        return at;
    }
}
