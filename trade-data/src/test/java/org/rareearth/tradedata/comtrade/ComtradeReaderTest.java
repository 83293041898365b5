package org.rareearth.tradedata.comtrade;

import org.rareearth.tradedata.RowProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.IngestCancelledException;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.Reconciliation;
import org.rareearth.tradedata.Reconciliation.FlowSource;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.source.ZipSource;
import org.rareearth.shared.trade.TradeFlow;

class ComtradeReaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/comtrade");
    static final String FAULTY = "comtrade_faulty_2022-2023.csv";
    static final String KEY_COLUMNS = "refYear,reporterISO,partnerISO,flowCode,cmdCode";
    static final String MAGNETS = "850511";
    static final String METALS = "280530";
    static final String HORSES = "010121";

    @TempDir
    Path dir;

    static TradeData read(Path directory, ReadOptions options) throws IOException {
        try (DirectorySource source = new DirectorySource(directory, "test")) {
            return ComtradeReader.read(source, options);
        }
    }

    static TradeData faulty(ReadOptions options) throws IOException {
        return read(FIXTURES.resolve("faulty"), options);
    }

    @Test
    void reportsEveryFaultyRowWithFileLineColumnAndReason() throws IOException {
        TradeData data = faulty(ReadOptions.everything());
        assertThat(data.problems()).containsExactly(
                new DataProblem(FAULTY, 11, "freqCode", "monthly data (freqCode M): only annual exports (freqCode A) are accepted"),
                new DataProblem(FAULTY, 17, null, "expected 47 columns (as the header), found 46"),
                new DataProblem(FAULTY, 18, "primaryValue", "malformed number \"12O000\""),
                new DataProblem(FAULTY, 19, "netWgt", "negative value -500"),
                new DataProblem(FAULTY, 20, "cmdCode", "malformed HS6 code \"85051\" (six digits)"),
                new DataProblem(FAULTY, 21, "partnerISO", RowProblems.sameCountry("USA")),
                new DataProblem(FAULTY, 22, KEY_COLUMNS, "duplicate key 2023,USA,CHN,M,850511 (first on line 2)"),
                new DataProblem(FAULTY, 23, "refYear", "malformed year \"2O23\""));
        assertThat(data.problems().get(6)).hasToString(FAULTY + ":22: column " + KEY_COLUMNS
                + ": duplicate key 2023,USA,CHN,M,850511 (first on line 2)");
        // 23 data rows (the blank line 16 is not one): 8 kept, 8 rejected, 7 set aside
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(23, 8, 8, 7));
    }

    @Test
    void reconcilesMirrorFlowsPreferringTheImporter() throws IOException {
        TradeData data = faulty(ReadOptions.everything());
        assertThat(data.format()).isEqualTo(TradeData.COMTRADE);
        assertThat(data.years()).containsExactly(2022, 2023);
        assertThat(data.flows().get(2022)).containsExactly(
                new TradeFlow(2022, "CHN", "JPN", MAGNETS, 450.0, 14.0));
        assertThat(data.flows().get(2023)).containsExactly(
                new TradeFlow(2023, "MEX", "USA", HORSES, 250.0, Double.NaN),
                new TradeFlow(2023, "CHN", "DEU", METALS, 300.0, 5.0),
                new TradeFlow(2023, "CHN", "JPN", MAGNETS, 500.0, 15.0),
                new TradeFlow(2023, "CHN", "USA", MAGNETS, 1200.0, 40.0),
                new TradeFlow(2023, "HKG", "USA", MAGNETS, 80.0, 2.0));
        Reconciliation r = data.reconciliation();
        assertThat(r.fromImporter()).isEqualTo(4);
        assertThat(r.fromExporter()).isEqualTo(2);
        assertThat(r.mirrored()).isEqualTo(2);
        assertThat(r.flows()).containsExactly(
                new FlowSource(2022, MAGNETS, "CHN", "JPN", Reconciliation.IMPORTER, 450.0, 430.0),
                new FlowSource(2023, HORSES, "MEX", "USA", Reconciliation.IMPORTER, 250.0, null),
                new FlowSource(2023, METALS, "CHN", "DEU", Reconciliation.EXPORTER, null, 300.0),
                new FlowSource(2023, MAGNETS, "CHN", "JPN", Reconciliation.IMPORTER, 500.0, null),
                new FlowSource(2023, MAGNETS, "CHN", "USA", Reconciliation.IMPORTER, 1200.0, 1150.0),
                new FlowSource(2023, MAGNETS, "HKG", "USA", Reconciliation.EXPORTER, null, 80.0));
    }

    @Test
    void countsAggregatesAndRecordsSetAside() throws IOException {
        Reconciliation r = faulty(ReadOptions.everything()).reconciliation();
        assertThat(r.droppedAggregates()).containsExactly(
                Map.entry("EUR European Union", 1L),
                Map.entry("W00 World", 1L),
                Map.entry("_X Areas, nes", 1L));
        assertThat(r.droppedOther()).containsExactly(
                Map.entry("breakdown by motCode", 1L),
                Map.entry("breakdown by partner2Code", 1L),
                Map.entry("cmdCode TOTAL/chapter", 1L),
                Map.entry("flowCode RX", 1L));
    }

    @Test
    void namesProductsAndCountriesFromTheDescriptionColumns() throws IOException {
        TradeData data = faulty(ReadOptions.everything());
        assertThat(data.products()).containsExactly(
                Map.entry(HORSES, "Horses; live, \"pure-bred\" breeding animals"),
                Map.entry(METALS, "Rare-earth metals, scandium and yttrium; whether or not intermixed or interalloyed"),
                Map.entry(MAGNETS, "Permanent magnets and articles intended to become permanent magnets after "
                        + "magnetisation; of metal"));
        assertThat(data.countries()).containsExactly(
                Map.entry("CHN", "China"), Map.entry("DEU", "Germany"), Map.entry("HKG", "China, Hong Kong SAR"),
                Map.entry("JPN", "Japan"), Map.entry("MEX", "Mexico"), Map.entry("USA", "USA"));
        assertThat(data.tariffs()).isSameAs(BaselineTariffs.none());
        assertThat(data.notice()).isNull();
    }

    @Test
    void digestsEveryFileRead() throws IOException {
        TradeData data = faulty(ReadOptions.everything());
        assertThat(data.fileDigests()).containsExactly(Map.entry(FAULTY, sha256(FIXTURES.resolve("faulty").resolve(FAULTY))));
    }

    @Test
    void skipsProductsTheFilterDoesNotKeep() throws IOException {
        TradeData data = faulty(ReadOptions.everything().withProducts(ProductFilter.of(List.of(METALS, MAGNETS))));
        // the horses row is skipped without further checks; the faulty rows are still reported
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(23, 7, 8, 8));
        assertThat(data.problems()).hasSize(8);
        assertThat(data.products()).containsOnlyKeys(METALS, MAGNETS);
        assertThat(data.flows().get(2023)).extracting(TradeFlow::product).containsExactly(METALS, MAGNETS, MAGNETS, MAGNETS);
        assertThat(data.countries()).containsOnlyKeys("CHN", "DEU", "HKG", "JPN", "USA");
        assertThat(data.reconciliation().fromImporter()).isEqualTo(3);
        assertThat(data.reconciliation().fromExporter()).isEqualTo(2);
        assertThat(data.reconciliation().mirrored()).isEqualTo(2);
    }

    @Test
    void filterOfAnotherProductKeepsNoFlowButEveryProblem() throws IOException {
        TradeData data = faulty(ReadOptions.everything().withProducts(ProductFilter.of(List.of("284690"))));
        // kept: none; rejected before the filter: column count (17) and the five-digit code (20)
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(23, 0, 2, 21));
        assertThat(data.problems()).extracting(DataProblem::line).containsExactly(17L, 20L);
        assertThat(data.flows()).isEmpty();
        assertThat(data.products()).isEmpty();
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() throws IOException {
        Files.writeString(dir.resolve("export.csv"), """
                refYear,reporterISO,flowCode,partnerCode,cmdCode,netWgt
                2023,USA,M,156,850511,100
                """);
        assertThatThrownBy(() -> read(dir, ReadOptions.everything()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATASET))
                .hasMessage("export.csv: not a UN Comtrade export, the header has no column partnerISO, primaryValue "
                        + "(required: refYear or period, reporterISO, partnerISO, flowCode, cmdCode, primaryValue)");
    }

    @Test
    void namesTheBaciRouteForABaciYearFile() throws IOException {
        Files.writeString(dir.resolve("BACI_HS17_Y2023_RE.csv"), """
                t,i,j,k,v,q
                2023,36,458,253090,95122.320,40136.000
                """);
        assertThatThrownBy(() -> read(dir, ReadOptions.everything()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATASET))
                .hasMessage("BACI_HS17_Y2023_RE.csv: not a UN Comtrade export, the header has no column refYear, "
                        + "reporterISO, partnerISO, flowCode, cmdCode, primaryValue (required: refYear or period, "
                        + "reporterISO, partnerISO, flowCode, cmdCode, primaryValue); the header t,i,j,k,v,q is a BACI "
                        + "year file: upload it as a BACI data set");
    }

    @Test
    void theBaciHeaderItPointsToIsTheBaciReadersOwn() {
        // this package does not depend on the BACI reader; the hint must not drift from its definition
        assertThat(ComtradeReader.BACI_YEAR_HEADER).isEqualTo(org.rareearth.tradedata.baci.BaciFiles.YEAR_HEADER);
    }

    @Test
    void refusesAnHtmlPageSavedAsCsv() {
        assertThatThrownBy(() -> read(FIXTURES.resolve("html"), ReadOptions.everything()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_THE_FORMAT))
                .hasMessage("comtrade_2023.csv: not a CSV file, it looks like an HTML or XML page (an error page saved as .csv?)");
    }

    @Test
    void refusesASourceWithoutCsvFiles() throws IOException {
        Files.writeString(dir.resolve("README.txt"), "nothing here");
        assertThatThrownBy(() -> read(dir, ReadOptions.everything()))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATASET))
                .hasMessage("the data set contains no .csv file (expected UN Comtrade CSV exports)");
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        ReadOptions options = new ReadOptions(ProductFilter.all(), 20, Integer.MAX_VALUE, new IngestProgress());
        // data row 21 is on line 23 (line 16 is blank)
        assertThatThrownBy(() -> faulty(options))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS))
                .hasMessage("more than 20 data rows (rareearth.ingest.max-rows); stopped at " + FAULTY + " line 23");
    }

    @Test
    void refusesMoreProblemsThanTheLimit() {
        ReadOptions options = new ReadOptions(ProductFilter.all(), Long.MAX_VALUE, 3, new IngestProgress());
        assertThatThrownBy(() -> faulty(options))
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PROBLEMS))
                // the words of the BACI reader (ProblemLog): "stopped at <file> line <n> (<reason>)"
                .hasMessage("more than 3 problems (rareearth.ingest.max-problems); stopped at " + FAULTY
                        + " line 19 (negative value -500): the files are probably not UN Comtrade data");
    }

    @Test
    void aRowThatIsNotUtf8IsRejectedAsBadEncodingAndTheOthersKept() throws IOException {
        byte[] header = "refYear,reporterISO,reporterDesc,partnerISO,flowCode,cmdCode,primaryValue\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] good = "2021,USA,USA,CHN,M,850511,1000\n".getBytes(StandardCharsets.UTF_8);
        // "Côte d'Ivoire" written in Latin-1: 0xF4 is not valid UTF-8
        byte[] latin1 = "2021,CIV,C\u00f4te d'Ivoire,CHN,M,850511,7\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("e.csv"), concat(header, good, latin1));
        TradeData data = read(dir, ReadOptions.everything());
        assertThat(data.problems()).containsExactly(new DataProblem("e.csv", 3, null, "bad encoding: not valid UTF-8"));
        assertThat(data.flows().get(2021)).containsExactly(new TradeFlow(2021, "CHN", "USA", MAGNETS, 1.0, Double.NaN));
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsAMinimalHeaderInAnyCaseWithPeriodForTheYear() throws IOException {
        // columns in another order and case, period instead of refYear, an unknown column, no optional ones
        Files.writeString(dir.resolve("b.csv"), "\uFEFFPERIOD,ReporterIso,PartnerISO,FlowCode,CmdCode,PrimaryValue,extra\n"
                + "2021,usa,CHN,M,850511,1000,x\n"
                + "2021,USA,CHN,M,850511,1500,x\n"
                + "202101,USA,JPN,M,850511,5,x\n"
                + "2021,JPN,CHN,M,850511,-1,abc\n"
                + "2021,JPN,JPN,M,850511,abc,x\n");
        Files.writeString(dir.resolve("a.csv"), "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n"
                + "2021,CHN,USA,X,850511,900\n");
        TradeData data = read(dir, ReadOptions.everything());
        assertThat(data.problems()).containsExactly(
                new DataProblem("b.csv", 4, "period", "period 202101 is a month: only annual exports are accepted"),
                new DataProblem("b.csv", 5, "primaryValue", "negative value -1"),
                new DataProblem("b.csv", 6, "partnerISO", RowProblems.sameCountry("JPN")),
                new DataProblem("b.csv", 6, "primaryValue", "malformed number \"abc\""));
        // "usa" is not an ISO3 code as written: set aside as an aggregate, named by its code
        assertThat(data.reconciliation().droppedAggregates()).containsExactly(Map.entry("usa", 1L));
        assertThat(data.flows().get(2021)).containsExactly(new TradeFlow(2021, "CHN", "USA", MAGNETS, 1.5, Double.NaN));
        assertThat(data.reconciliation().flows()).containsExactly(
                new FlowSource(2021, MAGNETS, "CHN", "USA", Reconciliation.IMPORTER, 1.5, 0.9));
        assertThat(data.countries()).containsExactly(Map.entry("CHN", "CHN"), Map.entry("USA", "USA"));
        assertThat(data.products()).containsExactly(Map.entry(MAGNETS, MAGNETS));
        // a row with two faults counts once
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(6, 2, 3, 1));
        assertThat(data.fileDigests()).containsOnlyKeys("a.csv", "b.csv");
    }

    @Test
    void duplicateInAnotherFileNamesThatFile() throws IOException {
        String header = "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n";
        Files.writeString(dir.resolve("a.csv"), header + "2021,USA,CHN,M,850511,1000\n");
        Files.writeString(dir.resolve("b.csv"), header + "\n2021,USA,CHN,M,850511,1000\n");
        TradeData data = read(dir, ReadOptions.everything());
        assertThat(data.problems()).containsExactly(new DataProblem("b.csv", 3, KEY_COLUMNS,
                "duplicate key 2021,USA,CHN,M,850511 (first on line 2 of a.csv)"));
    }

    @Test
    void quantityFallsBackToTheMirrorReportWhenTheImporterHasNoWeight() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,netWgt,qty,qtyUnitAbbr\n"
                + "2021,USA,CHN,M,850511,1000,,,\n"
                + "2021,CHN,USA,X,850511,900,2500,,\n"
                + "2021,JPN,CHN,M,850511,700,,300,t\n");
        TradeData data = read(dir, ReadOptions.everything());
        assertThat(data.problems()).isEmpty();
        assertThat(data.flows().get(2021)).containsExactly(
                new TradeFlow(2021, "CHN", "JPN", MAGNETS, 0.7, Double.NaN),
                new TradeFlow(2021, "CHN", "USA", MAGNETS, 1.0, 2.5));
    }

    @Test
    void readsTheNoticeAndDigestsDatasetProperties() throws IOException {
        Files.writeString(dir.resolve("dataset.properties"), "notice = Test notice.\n");
        Files.writeString(dir.resolve("a.csv"), "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n");
        TradeData data = read(dir, ReadOptions.everything());
        assertThat(data.notice()).isEqualTo("Test notice.");
        assertThat(data.fileDigests()).containsExactly(
                Map.entry("a.csv", sha256(dir.resolve("a.csv"))),
                Map.entry("dataset.properties", sha256(dir.resolve("dataset.properties"))));
        assertThat(data.rows()).isEqualTo(new TradeData.RowCounts(0, 0, 0, 0));
        assertThat(data.flows()).isEmpty();
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws IOException {
        IngestProgress progress = new IngestProgress();
        faulty(new ReadOptions(ProductFilter.all(), Long.MAX_VALUE, Integer.MAX_VALUE, progress));
        IngestProgress.Snapshot s = progress.snapshot();
        assertThat(s.rowsRead()).isEqualTo(23);
        assertThat(s.rowsAccepted()).isEqualTo(8);
        assertThat(s.rowsRejected()).isEqualTo(8);
        assertThat(s.rowsSkipped()).isEqualTo(7);
        assertThat(s.bytesRead()).isEqualTo(Files.size(FIXTURES.resolve("faulty").resolve(FAULTY)));

        IngestProgress cancelled = new IngestProgress();
        cancelled.cancel();
        assertThatThrownBy(() -> faulty(new ReadOptions(ProductFilter.all(), Long.MAX_VALUE, Integer.MAX_VALUE, cancelled)))
                .isInstanceOf(IngestCancelledException.class);
    }

    @Test
    void readsTheSameFromAZipArchiveInAFolder() throws IOException {
        Path zip = dir.resolve("export.zip");
        Path file = FIXTURES.resolve("faulty").resolve(FAULTY);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("comtrade/" + FAULTY));
            out.write(Files.readAllBytes(file));
            out.closeEntry();
        }
        TradeData fromZip;
        try (ZipSource source = ZipSource.open(zip, new ArchiveLimits(1 << 20, 1 << 20, 10), "upload")) {
            fromZip = ComtradeReader.read(source, ReadOptions.everything());
        }
        TradeData fromDirectory = faulty(ReadOptions.everything());
        assertThat(fromZip.flows()).isEqualTo(fromDirectory.flows());
        assertThat(fromZip.problems()).isEqualTo(fromDirectory.problems());
        assertThat(fromZip.reconciliation()).isEqualTo(fromDirectory.reconciliation());
        assertThat(fromZip.fileDigests()).isEqualTo(fromDirectory.fileDigests());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
