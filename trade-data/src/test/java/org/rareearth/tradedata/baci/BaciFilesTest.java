package org.rareearth.tradedata.baci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaciFilesTest {

    @Test
    void dataFilesIncludeCepiiVersionedNames() {
        assertThat(BaciFiles.isDataFile("country_codes_V202401b.csv")).isTrue();
        assertThat(BaciFiles.isDataFile("product_codes_HS17_V202401b.csv")).isTrue();
        assertThat(BaciFiles.isDataFile("BACI_HS17_Y2022_V202401b.csv")).isTrue();
        assertThat(BaciFiles.isDataFile("dataset.properties")).isTrue();
        assertThat(BaciFiles.isDataFile("Readme.txt")).isFalse();
        assertThat(BaciFiles.isDataFile("production.csv")).isFalse();
    }

    @Test
    void namesTheReaderDoesNotReadAreNearMissesSayingWhy() {
        // Formats used to take both for BACI files, and the reader then rejected them
        assertThat(BaciFiles.isDataFile("Country_Codes.csv")).isFalse();
        assertThat(BaciFiles.isDataFile("BACI_HS17_Y2022V1.csv")).isFalse();
        assertThat(BaciFiles.nearMisses(List.of("Country_Codes.csv", "BACI_HS17_Y2022V1.csv", "country_codes.csv",
                "Readme.txt"))).containsExactly(
                "Country_Codes.csv (file names are case-sensitive: country_codes.csv, product_codes.csv, "
                        + "BACI_<HS>_Y<year>[_<release>].csv)",
                "BACI_HS17_Y2022V1.csv (not a year-file name: BACI_<HS>_Y<year>[_<release>].csv)");
    }
}
