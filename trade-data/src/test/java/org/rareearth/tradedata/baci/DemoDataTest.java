package org.rareearth.tradedata.baci;

import org.rareearth.tradedata.BaselineTariffs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.trade.TradeFlow;

/** Reads the bundled demo data ({@code data/rare-earth-demo}, a reconstruction, not official BACI). */
class DemoDataTest {

    static final Path DEMO = Path.of("..", "data", "rare-earth-demo");

    static BaciDataset data;

    @BeforeAll
    static void read() throws IOException {
        data = BaciDataset.read(DEMO);
    }

    @Test
    void readsCleanly() {
        assertThat(data.problems()).isEmpty();
        assertThat(data.years()).containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023);
        assertThat(data.products()).containsOnlyKeys("253090", "280530", "284610", "284690", "850511");
        assertThat(data.countries()).hasSize(52).contains("CHN", "USA", "TWN", "MMR", "EST");
        assertThat(data.countryNames()).containsEntry("USA", "USA").containsEntry("HKG", "China, Hong Kong SAR");
        assertThat(data.iso3(842)).contains("USA");
        assertThat(data.iso3(699)).contains("IND");
        assertThat(data.productDetails().get("284690").stage()).isEqualTo("compound");
    }

    @Test
    void everyRowOfEveryYearIsRead() {
        // data rows per year file (line count minus header)
        int[] rows = {1058, 1061, 1062, 1065, 1065, 1067, 1068};
        for (int n = 0; n < rows.length; n++) {
            assertThat(data.flows(2017 + n)).as("year %d", 2017 + n).hasSize(rows[n]);
        }
    }

    @Test
    void aKnownFlow() {
        // BACI_HS17_Y2023_RE.csv line 3: 2023,36,458,253090,95122.320,40136.000
        TradeFlow f = data.flows(2023, java.util.List.of("253090")).stream()
                .filter(x -> x.exporter().equals("AUS") && x.importer().equals("MYS"))
                .findFirst().orElseThrow();
        assertThat(f.value()).isEqualTo(95122.320);
        assertThat(f.quantity()).isEqualTo(40136.0);
        assertThat(data.flows(2023)).noneMatch(TradeFlow::isDomestic);
    }

    @Test
    void baselineTariffs() {
        BaselineTariffs t = data.tariffs();
        assertThat(t.rows()).hasSize(59);
        // MFN 2.1% (exporter *) plus Section 301 0% (exporter CHN)
        assertThat(t.rate(2019, "USA", "CHN", "850511")).isCloseTo(0.021, within(1e-12));
        assertThat(t.rowsFor(2019, "USA", "CHN", "850511")).hasSize(2);
        assertThat(t.rate(2019, "USA", "JPN", "284610")).isCloseTo(0.055, within(1e-12));
        // China's retaliatory tariff on US concentrate: 25% in 2019, excluded in 2020
        assertThat(t.rate(2019, "CHN", "USA", "253090")).isCloseTo(0.25, within(1e-12));
        assertThat(t.rate(2020, "CHN", "USA", "253090")).isZero();
        assertThat(t.rate(2019, "CHN", "AUS", "253090")).isZero();
    }
}
