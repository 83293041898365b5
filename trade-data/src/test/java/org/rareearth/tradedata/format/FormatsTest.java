package org.rareearth.tradedata.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.baci.BaciFormatException;
import org.rareearth.tradedata.source.DirectorySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection takes the readers' own file names and headers: what it calls BACI, the BACI reader reads. */
class FormatsTest {

    static final String COUNTRIES = "country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n842,USA,US,USA\n";
    static final String PRODUCTS = "code,description\n850511,Permanent magnets\n";
    static final String YEAR = "t,i,j,k,v,q\n2022,156,842,850511,10.5,1\n";

    @TempDir
    Path dir;

    private DirectorySource source(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return new DirectorySource(dir, "test");
    }

    @Test
    void tablesInAnotherLetterCaseDoNotMakeASourceBaci() throws IOException {
        // before: (?i)country_codes.* said BACI, then the reader answered "country_codes.csv: mandatory file is missing"
        try (DirectorySource s = source(Map.of("Country_Codes.csv", COUNTRIES, "Product_Codes.csv", PRODUCTS,
                "BACI_HS17_Y2022_V1.csv", YEAR))) {
            assertThatThrownBy(() -> Formats.detect(s))
                    .isInstanceOfSatisfying(UploadRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATASET))
                    .hasMessageStartingWith("BACI_HS17_Y2022_V1.csv: BACI year files alone are not a data set")
                    .hasMessageContaining("nearly BACI names: Country_Codes.csv (file names are case-sensitive")
                    .hasMessageContaining("Product_Codes.csv (file names are case-sensitive");
        }
    }

    @Test
    void aYearFileNameTheReaderDoesNotReadIsNotTakenForAYearFile() throws IOException {
        // before: BACI_.+_Y\d{4}.*\.csv took it for a year file; the reader's pattern wants "_" or ".csv" after the year
        try (DirectorySource s = source(Map.of("BACI_HS17_Y2022V1.csv", YEAR))) {
            assertThatThrownBy(() -> Formats.detect(s))
                    .isInstanceOf(UploadRejectedException.class)
                    .hasMessageStartingWith("BACI_HS17_Y2022V1.csv is a BACI year file (t,i,j,k,v,q), but BACI needs "
                            + "its tables too: name it BACI_<HS>_Y<year>_<release>.csv")
                    .hasMessageEndingWith("; nearly BACI names: BACI_HS17_Y2022V1.csv (not a year-file name: "
                            + "BACI_<HS>_Y<year>[_<release>].csv)");
        }
    }

    @Test
    void theBaciReaderNamesAYearFileItDoesNotRead() throws IOException {
        try (DirectorySource s = source(Map.of("country_codes.csv", COUNTRIES, "product_codes.csv", PRODUCTS,
                "BACI_HS17_Y2022V1.csv", YEAR))) {
            assertThatThrownBy(() -> Formats.read(s, ReadOptions.everything()))
                    .isInstanceOf(BaciFormatException.class)
                    .hasMessage("no year file (BACI_*_Y<year>_*.csv) in the data set; found BACI_HS17_Y2022V1.csv "
                            + "(not a year-file name: BACI_<HS>_Y<year>[_<release>].csv)");
        }
    }

    @Test
    void theBaciReaderNamesATableInAnotherLetterCase() throws IOException {
        try (DirectorySource s = source(Map.of("Country_Codes.csv", COUNTRIES, "product_codes.csv", PRODUCTS,
                "BACI_HS17_Y2022_V1.csv", YEAR))) {
            assertThatThrownBy(() -> Formats.read(s, ReadOptions.everything()))
                    .isInstanceOf(BaciFormatException.class)
                    .hasMessageStartingWith("country_codes.csv: mandatory file is missing; found Country_Codes.csv "
                            + "(file names are case-sensitive");
        }
    }

    @Test
    void correctNamesStillReadAsBaci() throws IOException {
        try (DirectorySource s = source(Map.of("country_codes.csv", COUNTRIES, "product_codes.csv", PRODUCTS,
                "BACI_HS17_Y2022_V1.csv", YEAR))) {
            assertThat(Formats.read(s, ReadOptions.everything()).rows().accepted()).isEqualTo(1);
        }
    }
}
