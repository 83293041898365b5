package org.rareearth.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetCoverageTest {

    private static final List<String> FIVE = List.of("253090", "280530", "284610", "284690", "850511");
    private static final List<Integer> DEMO_YEARS = List.of(2017, 2018, 2019, 2020, 2021, 2022, 2023);

    @Test
    void theSameOrMoreProductsAndYearsCover() {
        assertThat(DatasetCoverage.of(FIVE, DEMO_YEARS, FIVE, DEMO_YEARS).covers()).isTrue();
        assertThat(DatasetCoverage.of(FIVE, DEMO_YEARS, List.of("253090", "280530", "284610", "284690", "850511",
                "850519"), List.of(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024)).covers()).isTrue();
    }

    @Test
    void whatIsMissingIsNamed() {
        DatasetCoverage oneYear = DatasetCoverage.of(FIVE, DEMO_YEARS, List.of("850511"), List.of(2023));
        assertThat(oneYear.covers()).isFalse();
        assertThat(oneYear.missingProducts()).containsExactly("253090", "280530", "284610", "284690");
        assertThat(oneYear.missingYears()).containsExactly(2017, 2018, 2019, 2020, 2021, 2022);
        assertThat(oneYear.describe("sha256:x")).isEqualTo("it lacks products 253090, 280530, 284610, 284690 and "
                + "years 2017, 2018, 2019, 2020, 2021, 2022 of the current data set sha256:x; an operator can make it "
                + "current with PUT /datasets/current");
        assertThat(DatasetCoverage.of(FIVE, DEMO_YEARS, FIVE, List.of(2018, 2019, 2020, 2021, 2022, 2023))
                .describe("v")).startsWith("it lacks year 2017 of");
    }
}
