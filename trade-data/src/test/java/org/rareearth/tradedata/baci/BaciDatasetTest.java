package org.rareearth.tradedata.baci;

import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.BaselineTariffs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;

class BaciDatasetTest {

    static final String YEAR_2023 = "BACI_HS17_Y2023_TEST.csv";

    @TempDir
    Path dir;

    @BeforeEach
    void writeFixture() throws IOException {
        write("country_codes.csv", """
                country_code,country_name,country_iso2,country_iso3,region
                36,Australia,AU,AUS,Oceania
                156,China,CN,CHN,East Asia
                458,Malaysia,MY,MYS,Southeast Asia
                490,"Other Asia, nes (Taiwan)",TW,TWN,East Asia
                842,USA,US,USA,North America
                """);
        write("product_codes.csv", """
                code,description,stage
                253090,"Mineral substances, n.e.c. (proxy: ""rare-earth"" concentrates)",concentrate
                850511,"Permanent magnets, of metal",magnet
                10121,"Horses, pure-bred breeding animals",animal
                """);
        // line numbers (header = 1) are what the problems must report
        write(YEAR_2023, """
                t,i,j,k,v,q
                2023,36,458,253090,95122.320,40136.000
                2023,156,842,850511,abc,10
                2023,999,842,850511,5,1
                2023,156,842,999999,5,1
                2023,156,458,850511,-3.5,1
                2023,156,842,850511,5
                2023,36,458,253090,1,1
                2023,490,842,850511,12.5,
                2022,156,842,850511,7,1

                2023,842,156,10121,2.000,NA
                2023,156,842,850511,100.0,20
                """);
        write("BACI_HS17_Y2022_TEST.csv", """
                t,i,j,k,v,q
                2022,156,842,850511,90,18
                """);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void reportsEveryFaultyRowWithFileLineAndColumn() throws IOException {
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.problems()).extracting(DataProblem::toString).containsExactly(
                YEAR_2023 + ":3: column v: malformed number \"abc\"",
                YEAR_2023 + ":4: column i: unknown exporter code 999 (not in country_codes.csv)",
                YEAR_2023 + ":5: column k: unknown product 999999 (not in product_codes.csv)",
                YEAR_2023 + ":6: column v: negative value -3.5",
                YEAR_2023 + ":7: expected 6 columns (t,i,j,k,v,q), found 5",
                YEAR_2023 + ":8: column t,i,j,k: duplicate key 2023,36,458,253090 (first on line 2)",
                YEAR_2023 + ":10: column t: year 2022 disagrees with the file name (2023)");
        DataProblem first = data.problems().get(0);
        assertThat(first.file()).isEqualTo(YEAR_2023);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.column()).isEqualTo("v");
    }

    @Test
    void countsRowsAndDigestsEveryFileItRead() throws IOException {
        write("README.md", "not data");
        BaciDataset data = BaciDataset.read(dir);
        // 2023: 11 rows (the blank line is not a row), 4 accepted, 7 rejected; 2022: 1 accepted
        assertThat(data.tradeData().rows()).isEqualTo(new org.rareearth.tradedata.TradeData.RowCounts(12, 5, 7, 0));
        assertThat(data.tradeData().fileDigests()).containsOnlyKeys("BACI_HS17_Y2022_TEST.csv", YEAR_2023,
                "country_codes.csv", "product_codes.csv");
        assertThat(data.notice()).isNull();
        assertThat(data.directory()).isEqualTo(dir);
    }

    @Test
    void keepsEveryValidRow() throws IOException {
        BaciDataset data = BaciDataset.read(dir);
        List<TradeFlow> flows = data.flows(2023);
        assertThat(flows).hasSize(4);
        assertThat(flows.get(0)).isEqualTo(new TradeFlow(2023, "AUS", "MYS", "253090", 95122.320, 40136.0));
        TradeFlow taiwan = flows.get(1);
        assertThat(taiwan.exporter()).isEqualTo("TWN");
        assertThat(taiwan.value()).isEqualTo(12.5);
        assertThat(taiwan.quantity()).isNaN();
        assertThat(flows.get(2)).satisfies(f -> {
            assertThat(f.product()).isEqualTo("010121");
            assertThat(f.quantity()).isNaN();
        });
        assertThat(flows.get(3)).isEqualTo(new TradeFlow(2023, "CHN", "USA", "850511", 100.0, 20.0));
        assertThat(data.flows(2022)).containsExactly(new TradeFlow(2022, "CHN", "USA", "850511", 90.0, 18.0));
    }

    @Test
    void readsCodeListsAndYears() throws IOException {
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.years()).containsExactly(2022, 2023);
        assertThat(data.yearFiles()).containsEntry(2023, YEAR_2023);
        assertThat(data.countries()).containsExactly("AUS", "CHN", "MYS", "TWN", "USA");
        assertThat(data.countryNames()).containsEntry("TWN", "Other Asia, nes (Taiwan)");
        assertThat(data.countryDetails().get("MYS").region()).isEqualTo("Southeast Asia");
        assertThat(data.iso3(490)).contains("TWN");
        assertThat(data.iso3(1)).isEmpty();
        assertThat(data.products()).containsOnlyKeys("010121", "253090", "850511");
        assertThat(data.products().get("253090")).isEqualTo("Mineral substances, n.e.c. (proxy: \"rare-earth\" concentrates)");
        assertThat(data.productDetails().get("850511").stage()).isEqualTo("magnet");
        assertThat(data.tariffs().isEmpty()).isTrue();
        assertThat(data.tariffs().rate(2023, "USA", "CHN", "850511")).isZero();
    }

    @Test
    void selectsProductsAndSumsAMatrix() throws IOException {
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.flows(2023, List.of("850511"))).extracting(TradeFlow::exporter).containsExactly("TWN", "CHN");
        assertThat(data.flows(2023, null)).hasSize(4);
        TradeMatrix m = data.matrix(2023, List.of("850511", "253090"));
        assertThat(m.countries()).containsExactly("AUS", "CHN", "MYS", "TWN", "USA");
        assertThat(m.value(m.indexOf("CHN"), m.indexOf("USA"))).isEqualTo(100.0);
        assertThatThrownBy(() -> data.flows(2030, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2030").hasMessageContaining("[2022, 2023]");
        assertThatThrownBy(() -> data.flows(2023, List.of("284690"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("284690");
        assertThatThrownBy(() -> data.flows(2023, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProductCodeThatIsNotSixDigitsIsMalformedAndAWellFormedOneMissingFromTheTableUnknown() throws IOException {
        BaciDataset data = BaciDataset.read(dir);
        assertThatThrownBy(() -> data.flows(2023, List.of("85a511"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed HS6 code '85a511' (six digits, e.g. 850511)");
        assertThatThrownBy(() -> data.matrix(2023, List.of("85051"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed HS6 code '85051' (six digits, e.g. 850511)");
        assertThatThrownBy(() -> data.flows(2023, List.of("999999"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown HS6 product '999999' (known: ");
    }

    @Test
    void aDiagonalRowIsAProblemNotADomesticShipment() throws IOException {
        write(YEAR_2023, """
                t,i,j,k,v,q
                2023,156,842,850511,100.0,20
                2023,156,156,850511,5000.0,900
                """);
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.problems()).extracting(DataProblem::toString).containsExactly(YEAR_2023
                + ":3: column i,j: exporter and importer are the same country (CHN); trade files hold foreign flows only");
        TradeMatrix m = data.matrix(2023, List.of("850511"));
        assertThat(m.value(m.indexOf("CHN"), m.indexOf("CHN"))).isZero();
    }

    @Test
    void tariffRowsAreAdditiveAndStarMatchesEveryExporter() throws IOException {
        write("tariffs.csv", """
                year,importer_iso3,exporter_iso3,hs6,rate,measure,source
                2023,USA,*,850511,0.021,"MFN 2.1%, ad valorem",HTS
                2023,USA,CHN,850511,0.25,Section 301,USTR
                2023,XXX,CHN,850511,0.1,bad importer,test
                2023,USA,CHN,850511,-0.1,negative,test
                2023,USA,*,284690,0.1,unknown product,test
                2023,CHN,USA,253090,abc,bad rate,test
                2019,CHN,USA,253090,0.25,retaliation,SCMP
                """);
        BaciDataset data = BaciDataset.read(dir);
        BaselineTariffs t = data.tariffs();
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rate(2023, "USA", "CHN", "850511")).isCloseTo(0.271, within(1e-12));
        assertThat(t.rate(2023, "USA", "MYS", "850511")).isEqualTo(0.021);
        assertThat(t.rate(2023, "USA", "USA", "850511")).isZero();
        assertThat(t.rate(2022, "USA", "CHN", "850511")).isZero();
        assertThat(t.rate(2019, "CHN", "USA", "253090")).isEqualTo(0.25);
        assertThat(t.rowsFor(2023, "USA", "CHN", "850511")).extracting(BaselineTariffs.Row::measure)
                .containsExactly("MFN 2.1%, ad valorem", "Section 301");
        assertThat(data.problems()).extracting(DataProblem::toString).contains(
                "tariffs.csv:4: column importer_iso3: unknown country \"XXX\" (not in country_codes.csv)",
                "tariffs.csv:5: column rate: negative value -0.1",
                "tariffs.csv:6: column hs6: unknown product 284690 (not in product_codes.csv)",
                "tariffs.csv:7: column rate: malformed number \"abc\"");
    }

    @Test
    void codeListProblemsAreReportedToo() throws IOException {
        write("country_codes.csv", """
                country_code,country_name,country_iso2,country_iso3,region
                36,Australia,AU,AUS,Oceania
                156,China,CN,CHN,East Asia
                458,Malaysia,MY,MYS,Southeast Asia
                490,"Other Asia, nes",,,East Asia
                842,USA,US,USA,North America
                36,Australia again,AU,AUT,Oceania
                x1,Nowhere,NW,NWH,None
                """);
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.countries()).containsExactly("AUS", "CHN", "MYS", "USA");
        assertThat(data.problems()).extracting(DataProblem::toString).contains(
                "country_codes.csv:5: column country_iso3: no ISO3 code; flows with country code 490 are rejected",
                "country_codes.csv:7: column country_code: country code 36 already defined on line 2",
                "country_codes.csv:8: column country_code: malformed integer \"x1\"",
                YEAR_2023 + ":9: column i: exporter code 490 has no ISO3 code in country_codes.csv");
    }

    @Test
    void missingCountryFileIsAnErrorNamingTheFile() throws IOException {
        Files.delete(dir.resolve("country_codes.csv"));
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("country_codes.csv").hasMessageContaining("missing");
    }

    @Test
    void missingProductFileIsAnErrorNamingTheFile() throws IOException {
        Files.delete(dir.resolve("product_codes.csv"));
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("product_codes.csv");
    }

    @Test
    void aDirectoryWithoutYearFilesIsAnError() throws IOException {
        Files.delete(dir.resolve(YEAR_2023));
        Files.delete(dir.resolve("BACI_HS17_Y2022_TEST.csv"));
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("no year file");
    }

    @Test
    void aBadHeaderIsAnErrorNamingTheFile() throws IOException {
        write("BACI_HS17_Y2022_TEST.csv", """
                year,exporter,importer,k,v,q
                2022,156,842,850511,90,18
                """);
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("BACI_HS17_Y2022_TEST.csv")
                .hasMessageContaining("header must be t,i,j,k,v,q");
    }

    @Test
    void aCodeFileWithoutItsKeyColumnIsAnError() throws IOException {
        write("country_codes.csv", """
                country_code,country_name,iso
                36,Australia,AUS
                """);
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("country_codes.csv").hasMessageContaining("country_iso3");
    }

    @Test
    void twoFilesForOneYearAreAnError() throws IOException {
        write("BACI_HS22_Y2022_OTHER.csv", "t,i,j,k,v,q\n");
        assertThatThrownBy(() -> BaciDataset.read(dir)).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("year 2022");
    }

    @Test
    void notADirectory() {
        assertThatThrownBy(() -> BaciDataset.read(dir.resolve("nothing-here"))).isInstanceOf(BaciFormatException.class)
                .hasMessageContaining("nothing-here");
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() throws IOException {
        write("BACI_HS17_Y2022_TEST.csv", "\uFEFFt,i,j,k,v,q\r\n2022,156,842,850511,90,18\r\n");
        BaciDataset data = BaciDataset.read(dir);
        assertThat(data.flows(2022)).containsExactly(new TradeFlow(2022, "CHN", "USA", "850511", 90.0, 18.0));
    }

    @Test
    void problemToStringWithoutColumn() {
        assertThat(new DataProblem("f.csv", 7, null, "expected 6 columns").toString()).isEqualTo("f.csv:7: expected 6 columns");
        assertThat(new DataProblem("f.csv", 17, "v", "malformed number \"abc\"").toString())
                .isEqualTo("f.csv:17: column v: malformed number \"abc\"");
    }
}
