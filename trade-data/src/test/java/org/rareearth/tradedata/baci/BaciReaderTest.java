package org.rareearth.tradedata.baci;

import org.rareearth.tradedata.DataProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.ContentVersion;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.IngestCancelledException;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.source.ZipSource;
import org.rareearth.shared.trade.TradeFlow;

/** The streaming reader: real CEPII file names, folder and ZIP, product filter, limits, progress, version. */
class BaciReaderTest {

    static final String YEAR = "BACI_HS17_Y2022_V202401b.csv";
    static final String COUNTRIES = "country_codes_V202401b.csv";
    static final String PRODUCTS = "product_codes_HS17_V202401b.csv";
    static final String COUNTRY_TABLE = """
            country_code,country_name,country_iso2,country_iso3
            36,Australia,AU,AUS
            156,China,CN,CHN
            458,Malaysia,MY,MYS
            842,USA,US,USA
            """;
    static final String PRODUCT_TABLE = """
            code,description
            10121,"Horses, pure-bred breeding animals"
            253090,Mineral substances n.e.c.
            850511,"Permanent magnets, of metal"
            """;

    @TempDir
    Path tmp;

    /** A data set in CEPII's real layout: versioned names and a Readme that is not data. */
    private Map<String, byte[]> realLayout(String yearFile) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Readme.txt", bytes("BACI: see www.cepii.fr\n"));
        files.put(COUNTRIES, bytes(COUNTRY_TABLE));
        files.put(PRODUCTS, bytes(PRODUCT_TABLE));
        files.put(YEAR, bytes(yearFile));
        return files;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path folder(String name, Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    /** A ZIP of the files inside one top-level folder, entries in the given order. */
    private Path zip(String name, Map<String, byte[]> files, List<String> order) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(9);
            for (String entry : order) {
                out.putNextEntry(new ZipEntry("BACI_HS17_V202401b/" + entry));
                out.write(files.get(entry));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static TradeData read(DataSource source, ReadOptions options) throws IOException {
        try (source) {
            return BaciReader.read(source, options);
        }
    }

    private TradeData readFolder(Map<String, byte[]> files, ReadOptions options) throws IOException {
        Path dir = folder("data", files);
        return read(new DirectorySource(dir, "data"), options);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static ReadOptions limits(long maxRows, int maxProblems) {
        return new ReadOptions(ProductFilter.all(), maxRows, maxProblems, new IngestProgress());
    }

    @Test
    void readsTheRealLayoutFromAFolderWithoutReadingTheReadme() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,90.500,18.250
                2022,36,458,253090,   95122.320,     40136.000
                2022,842,156,10121,2.000,NA
                """);
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.format()).isEqualTo(TradeData.BACI);
        assertThat(data.flows().get(2022)).containsExactly(
                new TradeFlow(2022, "CHN", "USA", "850511", 90.5, 18.25),
                new TradeFlow(2022, "AUS", "MYS", "253090", 95122.32, 40136.0),
                new TradeFlow(2022, "USA", "CHN", "010121", 2.0, Double.NaN));
        assertThat(data.countries()).containsExactly(Map.entry("AUS", "Australia"), Map.entry("CHN", "China"),
                Map.entry("MYS", "Malaysia"), Map.entry("USA", "USA"));
        assertThat(data.products()).containsOnlyKeys("010121", "253090", "850511");
        assertThat(data.problems()).isEmpty();
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(3, 3, 0, 0));
        assertThat(data.notice()).isNull();
        assertThat(data.reconciliation()).isNull();
        assertThat(data.fileDigests()).containsExactly(
                Map.entry(YEAR, sha256(files.get(YEAR))),
                Map.entry(COUNTRIES, sha256(files.get(COUNTRIES))),
                Map.entry(PRODUCTS, sha256(files.get(PRODUCTS))));
    }

    @Test
    void aZipOfTheSameFilesGivesTheSameDataAndVersionWhateverTheEntryOrder() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,90.500,18.250
                2022,36,458,253090,95122.320,40136.000
                """);
        files.put("dataset.properties", bytes("notice=Test data, not official\n"));
        files.put("tariffs.csv", bytes("year,importer_iso3,exporter_iso3,hs6,rate\n2022,USA,CHN,850511,0.25\n"));
        TradeData fromFolder = readFolder(files, ReadOptions.everything());
        List<String> reversed = new ArrayList<>(files.keySet());
        java.util.Collections.reverse(reversed);
        Path zip = zip("baci.zip", files, reversed);
        TradeData fromZip = read(ZipSource.open(zip, new ArchiveLimits(1 << 30, 1 << 30, 100), "baci.zip"),
                ReadOptions.everything());

        assertThat(fromZip.flows()).isEqualTo(fromFolder.flows());
        assertThat(fromZip.fileDigests()).isEqualTo(fromFolder.fileDigests()).hasSize(5).doesNotContainKey("Readme.txt");
        assertThat(fromZip.notice()).isEqualTo("Test data, not official");
        assertThat(fromZip.tariffs().rate(2022, "USA", "CHN", "850511")).isEqualTo(0.25);
        String version = ContentVersion.of(fromFolder, ProductFilter.all());
        assertThat(ContentVersion.of(fromZip, ProductFilter.all())).isEqualTo(version);
        // the documented formula, recomputed here
        StringBuilder text = new StringBuilder("BACI\nall\n");
        fromFolder.fileDigests().forEach((name, digest) -> text.append(name).append('\0').append(digest).append('\n'));
        assertThat(version).isEqualTo("sha256:" + sha256(bytes(text.toString())));
        // the same file read with another filter is other content
        assertThat(ContentVersion.of(fromFolder, ProductFilter.of(List.of("850511")))).isNotEqualTo(version);
    }

    @Test
    void twoCountryTablesAreAnErrorNamingBoth() throws Exception {
        Map<String, byte[]> files = realLayout("t,i,j,k,v,q\n");
        files.put("country_codes.csv", bytes(COUNTRY_TABLE));
        assertThatThrownBy(() -> readFolder(files, ReadOptions.everything()))
                .isInstanceOf(BaciFormatException.class)
                .hasMessage("country_codes.csv: more than one file could be the country codes table: "
                        + "country_codes.csv, country_codes_V202401b.csv (keep exactly one)");
    }

    @Test
    void aMissingProductTableIsNamed() throws Exception {
        Map<String, byte[]> files = realLayout("t,i,j,k,v,q\n");
        files.remove(PRODUCTS);
        assertThatThrownBy(() -> readFolder(files, ReadOptions.everything()))
                .isInstanceOf(BaciFormatException.class)
                .hasMessage("product_codes.csv: mandatory file is missing");
    }

    @Test
    void theFilterSkipsOtherProductsWithoutValidatingThemButRejectsRowsItCannotClassify() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,90,18
                2022,999,999,10121,garbage,-1
                1999,36,458,253090,-5,x
                2022,156,842,10121,1
                2022,156,842,abc,1,1
                2022,36,842,850511,7.5,NA
                2022,36,842,850511,8,1
                """);
        files.put("tariffs.csv", bytes("""
                year,importer_iso3,exporter_iso3,hs6,rate
                2022,USA,CHN,850511,0.25
                2022,XXX,CHN,253090,0.1
                """));
        IngestProgress progress = new IngestProgress();
        TradeData data = readFolder(files, new ReadOptions(ProductFilter.of(List.of("850511")), Long.MAX_VALUE,
                Integer.MAX_VALUE, progress));
        assertThat(data.flows().get(2022)).containsExactly(
                new TradeFlow(2022, "CHN", "USA", "850511", 90.0, 18.0),
                new TradeFlow(2022, "AUS", "USA", "850511", 7.5, Double.NaN));
        assertThat(data.problems()).extracting(DataProblem::toString).containsExactly(
                YEAR + ":5: expected 6 columns (t,i,j,k,v,q), found 5",
                YEAR + ":6: column k: malformed HS6 code \"abc\" (up to six digits)",
                YEAR + ":8: column t,i,j,k: duplicate key 2022,36,842,850511 (first on line 7)");
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(7, 2, 3, 2));
        assertThat(data.products()).containsOnlyKeys("850511");
        // the tariff row of a product not kept is not a problem, just not part of the data set
        assertThat(data.tariffs().rows()).hasSize(1);
        IngestProgress.Snapshot s = progress.snapshot();
        assertThat(List.of(s.rowsRead(), s.rowsAccepted(), s.rowsRejected(), s.rowsSkipped())).containsExactly(7L, 2L, 3L, 2L);
        long bytes = files.get(YEAR).length + files.get(COUNTRIES).length + files.get(PRODUCTS).length
                + files.get("tariffs.csv").length;
        assertThat(s.bytesRead()).isEqualTo(bytes);
        assertThat(s.bytesTotal()).isEqualTo(bytes);
    }

    @Test
    void aRowWhoseExporterIsItsImporterIsRejectedInTheComtradeReadersWords() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,90,18
                2022,842,842,850511,5,1
                "2022","156","156","850511","7","1"
                2022,36,36,abc,1,1
                """);
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.flows().get(2022)).containsExactly(new TradeFlow(2022, "CHN", "USA", "850511", 90.0, 18.0));
        assertThat(data.problems()).extracting(DataProblem::toString).containsExactly(
                YEAR + ":3: column i,j: exporter and importer are the same country (USA); trade files hold foreign flows only",
                YEAR + ":4: column i,j: exporter and importer are the same country (CHN); trade files hold foreign flows only",
                YEAR + ":5: column i,j: exporter and importer are the same country (AUS); trade files hold foreign flows only",
                YEAR + ":5: column k: malformed HS6 code \"abc\" (up to six digits)");
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(4, 1, 3, 0));

        // the UN Comtrade reader rejects the same fault with the same message
        Path comtrade = Files.createDirectories(tmp.resolve("comtrade"));
        Files.writeString(comtrade.resolve("export.csv"), "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n"
                + "2022,USA,USA,M,850511,5000\n");
        TradeData fromComtrade;
        try (DataSource source = new DirectorySource(comtrade, "comtrade")) {
            fromComtrade = org.rareearth.tradedata.comtrade.ComtradeReader.read(source, ReadOptions.everything());
        }
        assertThat(fromComtrade.problems()).extracting(DataProblem::message)
                .containsExactly(data.problems().get(0).message());
    }

    @Test
    void quantitiesMayBeEmptyNaOrPaddedAndNumbersParseExactly() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,  90.500,        NA
                2022,156,458,850511,0.1,
                2022,156,36,850511,1e3,  na\s
                2022,36,842,850511,12345678901234567890.5,   0.001
                2022,36,458,850511,.5,5.
                2022,36,156,850511,-0,+2
                2022,458,842,850511,123456789012.345,0.30000000000000004
                """);
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.problems()).isEmpty();
        assertThat(data.flows().get(2022)).extracting(TradeFlow::value).containsExactly(
                90.5, 0.1, 1000.0, Double.parseDouble("12345678901234567890.5"), 0.5, 0.0,
                Double.parseDouble("123456789012.345"));
        assertThat(data.flows().get(2022)).extracting(TradeFlow::quantity).containsExactly(
                Double.NaN, Double.NaN, Double.NaN, 0.001, 5.0, 2.0, Double.parseDouble("0.30000000000000004"));
        assertThat(1 / data.flows().get(2022).get(5).value()).isPositive(); // no negative zero
    }

    @Test
    void windowsLineEndingsByteOrderMarkAndBlankLines() throws Exception {
        Map<String, byte[]> files = realLayout(
                "\uFEFF T , I,j,K,v,q \r\n2022,156,842,850511,90,18\r\n\r\n   \r\n2022,36,458,253090,1.5,2\r\n");
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.flows().get(2022)).containsExactly(
                new TradeFlow(2022, "CHN", "USA", "850511", 90.0, 18.0),
                new TradeFlow(2022, "AUS", "MYS", "253090", 1.5, 2.0));
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(2, 2, 0, 0));
    }

    @Test
    void aRowThatIsNotUtf8IsRejectedAsBadEncoding() throws Exception {
        ByteArrayOutputStream year = new ByteArrayOutputStream();
        year.writeBytes(bytes("t,i,j,k,v,q\n2022,156,842,850511,9"));
        year.write(0xFF);
        year.writeBytes(bytes(",1\n2022,36,458,253090,\uFF19,1\n2022,36,842,253090,3,1\n"));
        Map<String, byte[]> files = realLayout("");
        files.put(YEAR, year.toByteArray());
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.problems()).extracting(DataProblem::toString).containsExactly(
                YEAR + ":2: bad encoding: not valid UTF-8",
                YEAR + ":3: column v: malformed number \"\uFF19\"");
        assertThat(data.flows().get(2022)).containsExactly(new TradeFlow(2022, "AUS", "USA", "253090", 3.0, 1.0));
    }

    @Test
    void aBadHeaderIsAnError() throws Exception {
        Map<String, byte[]> files = realLayout("t,i,j,k,v\n2022,156,842,850511,90\n");
        assertThatThrownBy(() -> readFolder(files, ReadOptions.everything()))
                .isInstanceOf(BaciFormatException.class)
                .hasMessage(YEAR + ": header must be t,i,j,k,v,q, found t,i,j,k,v");
    }

    @Test
    void moreRowsThanTheLimitAreRefused() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,1,1
                2022,156,458,850511,1,1

                2022,156,36,850511,1,1
                2022,36,842,850511,1,1
                """);
        assertThat(readFolder(files, limits(4, 10)).rows().read()).isEqualTo(4);
        assertThatThrownBy(() -> readFolder(files, limits(3, 10)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS))
                .hasMessage("more than 3 data rows (rareearth.ingest.max-rows); stopped at " + YEAR + " line 6");
    }

    @Test
    void moreProblemsThanTheLimitAreRefused() throws Exception {
        Map<String, byte[]> files = realLayout("""
                t,i,j,k,v,q
                2022,156,842,850511,x,1
                2022,156,458,850511,y,1
                2022,156,36,850511,z,1
                """);
        assertThat(readFolder(files, limits(100, 3)).problems()).hasSize(3);
        assertThatThrownBy(() -> readFolder(files, limits(100, 2)))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PROBLEMS))
                .hasMessage("more than 2 problems (rareearth.ingest.max-problems); stopped at " + YEAR
                        + " line 4 (malformed number \"z\"): the files are probably not BACI data");
    }

    @Test
    void cancellingStopsAtTheNextBatchOfRows() throws Exception {
        StringBuilder year = new StringBuilder("t,i,j,k,v,q\n");
        for (int n = 0; n < 100_000; n++) {
            year.append("2022,156,842,").append(100000 + n).append(",1.5,2\n");
        }
        Path dir = folder("data", realLayout(year.toString()));
        IngestProgress progress = new IngestProgress();
        DataSource cancelling = new DirectorySource(dir, "data");
        DataSource source = new DataSource() {
            @Override
            public String label() {
                return cancelling.label();
            }

            @Override
            public List<String> fileNames() {
                return cancelling.fileNames();
            }

            @Override
            public long size(String name) {
                return cancelling.size(name);
            }

            @Override
            public InputStream open(String name) throws IOException {
                InputStream in = cancelling.open(name);
                if (!name.equals(YEAR)) {
                    return in;
                }
                return new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        progress.cancel(); // as if someone pressed cancel while the year file is read
                        return super.read(b, off, len);
                    }
                };
            }
        };
        ReadOptions options = new ReadOptions(ProductFilter.of(List.of("850511")), Long.MAX_VALUE, Integer.MAX_VALUE,
                progress);
        assertThatThrownBy(() -> BaciReader.read(source, options))
                .isInstanceOf(IngestCancelledException.class)
                .hasMessage("the ingest was cancelled while reading " + YEAR);
        IngestProgress.Snapshot s = progress.snapshot();
        assertThat(s.rowsRead()).isEqualTo(YearFileParser.PROGRESS_EVERY);
        assertThat(s.rowsSkipped()).isEqualTo(YearFileParser.PROGRESS_EVERY);
    }

    @Test
    void anHtmlPageSavedUnderAYearFileNameIsRefused() throws Exception {
        Map<String, byte[]> files = realLayout("""
                <!DOCTYPE html>
                <html><head><title>CEPII - Error</title></head><body>Session expired</body></html>
                """);
        assertThatThrownBy(() -> readFolder(files, ReadOptions.everything()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_THE_FORMAT))
                .hasMessage(YEAR + ": not a CSV file, it looks like an HTML or XML page (an error page saved as .csv?)");
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedAndReadingGoesOn() throws Exception {
        ByteArrayOutputStream year = new ByteArrayOutputStream();
        year.writeBytes(bytes("t,i,j,k,v,q\n2022,156,842,850511,1,1\n"));
        year.writeBytes(bytes("2022,156,458,850511,1," + "9".repeat(YearFileParser.MAX_LINE + 10) + "\n"));
        year.writeBytes(bytes("2022,36,842,850511,2,2\n"));
        Map<String, byte[]> files = realLayout("");
        files.put(YEAR, year.toByteArray());
        TradeData data = readFolder(files, ReadOptions.everything());
        assertThat(data.problems()).extracting(DataProblem::toString)
                .containsExactly(YEAR + ":3: line longer than " + YearFileParser.MAX_LINE + " bytes");
        assertThat(data.flows().get(2022)).extracting(TradeFlow::exporter).containsExactly("CHN", "AUS");
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(3, 2, 1, 0));
    }

    @Test
    void rowsWithQuotesAreReadAsCsv() throws Exception {
        Map<String, byte[]> files = realLayout("""
                "t","i","j","k","v","q"
                "2022","156","842","850511","90.5","NA"
                2022,156,458,"10121",1,1
                """);
        TradeData data = readFolder(files, new ReadOptions(ProductFilter.of(List.of("850511")), Long.MAX_VALUE,
                Integer.MAX_VALUE, new IngestProgress()));
        assertThat(data.flows().get(2022)).containsExactly(new TradeFlow(2022, "CHN", "USA", "850511", 90.5, Double.NaN));
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(2, 1, 0, 1));
    }

    @Test
    void longLongMapKeepsTheFirstValue() {
        RowKeyIndex map = new RowKeyIndex();
        for (long k = 1; k <= 10_000; k++) {
            assertThat(map.putIfAbsent(k * 7919, k)).isEqualTo(-1);
        }
        for (long k = 1; k <= 10_000; k++) {
            assertThat(map.putIfAbsent(k * 7919, 0)).isEqualTo(k);
        }
    }
}
