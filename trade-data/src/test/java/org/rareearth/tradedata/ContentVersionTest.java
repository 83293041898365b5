package org.rareearth.tradedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.tradedata.baci.BaciDataset;
import org.rareearth.tradedata.baci.BaciReader;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.TradeData;

/** The version is the format, the filter and the digests of the files read, nothing else. */
class ContentVersionTest {

    @Test
    void theFormulaOnKnownDigests() {
        Map<String, String> digests = new TreeMap<>(Map.of("b.csv", "22", "a.csv", "11"));
        // sha256 of "BACI\nall\na.csv\u000011\nb.csv\u000022\n"
        assertThat(ContentVersion.of("BACI", ProductFilter.all(), digests))
                .isEqualTo(ContentVersion.of("BACI", ProductFilter.all(), Map.of("a.csv", "11", "b.csv", "22")))
                .isEqualTo("sha256:" + sha256("BACI\nall\na.csv\u000011\nb.csv\u000022\n"));
        assertThat(ContentVersion.of("BACI", ProductFilter.of(List.of("850511")), digests))
                .isEqualTo("sha256:" + sha256("BACI\n850511\na.csv\u000011\nb.csv\u000022\n"));
    }

    @Test
    void theSameFilesWithTheSameFilterAlwaysGiveTheSameVersion() throws IOException {
        TradeData first;
        TradeData second;
        try (DirectorySource a = new DirectorySource(DemoZip.DEMO, "demo");
             DirectorySource b = new DirectorySource(DemoZip.DEMO, "again")) {
            first = BaciReader.read(a, ReadOptions.everything());
            second = BaciReader.read(b, ReadOptions.everything().withProducts(ProductFilter.of(List.of("850511"))));
        }
        // the filter does not change which files are read, only what the data set is
        assertThat(second.fileDigests()).isEqualTo(first.fileDigests());
        assertThat(ContentVersion.of(first, ProductFilter.all())).isEqualTo(ContentVersion.of(BaciDataset.read(DemoZip.DEMO).tradeData(), ProductFilter.all()));
        assertThat(ContentVersion.of(second, ProductFilter.of(List.of("850511"))))
                .isNotEqualTo(ContentVersion.of(first, ProductFilter.all()))
                .isEqualTo(ContentVersion.of(second, ProductFilter.of(List.of(" 850511"))));
        assertThat(first.fileDigests()).containsOnlyKeys("BACI_HS17_Y2017_RE.csv", "BACI_HS17_Y2018_RE.csv",
                "BACI_HS17_Y2019_RE.csv", "BACI_HS17_Y2020_RE.csv", "BACI_HS17_Y2021_RE.csv", "BACI_HS17_Y2022_RE.csv",
                "BACI_HS17_Y2023_RE.csv", "country_codes.csv", "dataset.properties", "product_codes.csv", "tariffs.csv");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
