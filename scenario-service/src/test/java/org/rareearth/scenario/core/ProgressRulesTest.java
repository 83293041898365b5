package org.rareearth.scenario.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.core.ProgressRules.Outcome;
import org.rareearth.scenario.core.ProgressRules.Progress;
import org.rareearth.scenario.core.ProgressRules.Source;

class ProgressRulesTest {

    private static final Function<String, Set<WorkCell>> TWO_YEARS =
            d -> ExpectedWork.cells(List.of("850511"), 2023, 2024, List.of());

    private static Outcome result(String ds, int year) {
        return new Outcome(Source.SIMULATION_RESULT, ds, "850511", year, false, null);
    }

    private static Outcome metrics(String ds, int year) {
        return new Outcome(Source.NETWORK_METRICS, ds, "850511", year, false, null);
    }

    @Test
    void nothingReceivedIsPendingWithTheExpectedWorkOfTheFollowedData() {
        Progress p = ProgressRules.evaluate(List.of(), TWO_YEARS, "B");
        assertThat(p).isEqualTo(new Progress(ScenarioStatus.PENDING, null, "B", 2, 0));
    }

    @Test
    void aResultMakesItComputingAndMetricsOfEveryCellOfOneDataSetMakeItReady() {
        assertThat(ProgressRules.evaluate(List.of(result("A", 2023)), TWO_YEARS, "A").status())
                .isEqualTo(ScenarioStatus.COMPUTING);
        Progress partial = ProgressRules.evaluate(List.of(result("A", 2023), metrics("A", 2023), metrics("A", 2023)),
                TWO_YEARS, "A");
        assertThat(partial).isEqualTo(new Progress(ScenarioStatus.COMPUTING, null, "A", 2, 1));
        Progress ready = ProgressRules.evaluate(List.of(metrics("A", 2023), metrics("A", 2024)), TWO_YEARS, "A");
        assertThat(ready).isEqualTo(new Progress(ScenarioStatus.READY, null, "A", 2, 2));
    }

    @Test
    void cellsOfDifferentDataSetsDoNotAddUpAndCellsOutsideTheExpectedWorkDoNotCount() {
        Progress mixed = ProgressRules.evaluate(List.of(metrics("A", 2023), metrics("B", 2024), metrics("B", 2031)),
                TWO_YEARS, "B");
        assertThat(mixed.status()).isEqualTo(ScenarioStatus.COMPUTING);
        assertThat(mixed.received()).isEqualTo(1);
        assertThat(mixed.datasetVersion()).isEqualTo("B");
    }

    @Test
    void aFailureOnAnEarlierDataSetClearsWhenTheFollowedOneIsComplete() {
        // issue 14 item 2: every result failed on the empty data set A, then all were OK on B
        List<Outcome> received = List.of(new Outcome(Source.SIMULATION_RESULT, "A", "850511", 2023, true,
                        "no foreign trade in 2023 to calibrate on"),
                result("B", 2023), result("B", 2024), metrics("B", 2023), metrics("B", 2024));
        assertThat(ProgressRules.evaluate(received, TWO_YEARS, "B"))
                .isEqualTo(new Progress(ScenarioStatus.READY, null, "B", 2, 2));
        assertThat(ProgressRules.evaluate(received, TWO_YEARS, "A"))
                .isEqualTo(new Progress(ScenarioStatus.FAILED, "no foreign trade in 2023 to calibrate on", "A", 2, 0));
    }

    @Test
    void aCompleteEarlierDataSetDoesNotMakeTheFollowedOneReady() {
        List<Outcome> received = List.of(metrics("A", 2023), metrics("A", 2024), result("B", 2023));
        assertThat(ProgressRules.evaluate(received, TWO_YEARS, "B"))
                .isEqualTo(new Progress(ScenarioStatus.COMPUTING, null, "B", 2, 0));
        assertThat(ProgressRules.evaluate(List.of(metrics("A", 2023), metrics("A", 2024)), TWO_YEARS, "B"))
                .isEqualTo(new Progress(ScenarioStatus.PENDING, null, "B", 2, 0));
    }

    @Test
    void theNewestCompleteDataSetIsTheReadyOne() {
        Progress p = ProgressRules.evaluate(List.of(metrics("A", 2023), metrics("A", 2024), metrics("B", 2023),
                metrics("B", 2024)), TWO_YEARS, "B");
        assertThat(p.datasetVersion()).isEqualTo("B");
        assertThat(p.status()).isEqualTo(ScenarioStatus.READY);
    }

    @Test
    void theFirstFailureWinsWithItsError() {
        Progress p = ProgressRules.evaluate(List.of(metrics("A", 2023), metrics("A", 2024),
                        new Outcome(Source.NETWORK_METRICS, "A", "850511", 2024, true, "first"),
                        new Outcome(Source.SIMULATION_RESULT, "A", "850511", 2023, true, "second")),
                TWO_YEARS, "A");
        assertThat(p.status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(p.reason()).isEqualTo("first");
    }

    @Test
    void aScenarioWithoutProductsExpectsEveryProductOfTheData() {
        assertThat(ExpectedWork.cells(List.of(), 2023, null, List.of("850511", "280530")))
                .containsExactly(new WorkCell("280530", 2023), new WorkCell("850511", 2023));
    }
}
