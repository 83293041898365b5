package org.rareearth.scenario.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The status of one scenario version on the data-set version it follows (the one its document
 * pins, else the current one), derived from everything received for it on that data set (so a
 * redelivered message, which adds nothing, cannot change it, and what happened on another data
 * set, older or newer, does not decide it):
 * <ol>
 *   <li>{@code failed} when any simulation result or network metrics event on the followed data set
 *       reported FAILED; the reason is the error of the first such event (a failure is reported,
 *       never dropped, and outranks completed cells);</li>
 *   <li>{@code ready} when network metrics of every expected (product, year) arrived on it
 *       (distinct cells; metrics outside the expected cells do not count);</li>
 *   <li>{@code computing} when anything arrived for the version on it;</li>
 *   <li>{@code pending} otherwise.</li>
 * </ol>
 * An event without a data-set version counts towards the followed one, so that no failure can
 * hide for want of a label.
 */
public final class ProgressRules {

    private ProgressRules() {
    }

    public enum Source {
        SIMULATION_RESULT, NETWORK_METRICS
    }

    /** One received event of the version, in arrival order. */
    public record Outcome(Source source, String datasetVersion, String product, int year, boolean failed,
                          String error) {
    }

    /**
     * @param datasetVersion the data-set version the status and counts are for; {@code null} before any data
     */
    public record Progress(ScenarioStatus status, String reason, String datasetVersion, int expected, int received) {
    }

    /**
     * @param outcomes    every event of the version, in arrival order
     * @param expectedFor the expected cells on a data-set version
     * @param followed    the data-set version the scenario version is solved on now (may be null: no data yet)
     */
    public static Progress evaluate(List<Outcome> outcomes, Function<String, Set<WorkCell>> expectedFor,
                                    String followed) {
        List<Outcome> on = outcomes.stream()
                .filter(o -> o.datasetVersion() == null || o.datasetVersion().equals(followed)).toList();
        Set<WorkCell> expected = followed == null ? Set.of() : expectedFor.apply(followed);
        Set<WorkCell> got = new HashSet<>();
        Outcome firstFailure = null;
        for (Outcome o : on) {
            if (o.failed()) {
                firstFailure = firstFailure == null ? o : firstFailure;
            } else if (o.source() == Source.NETWORK_METRICS) {
                got.add(new WorkCell(o.product(), o.year()));
            }
        }
        got.retainAll(expected);
        ScenarioStatus status;
        if (firstFailure != null) {
            status = ScenarioStatus.FAILED;
        } else if (!expected.isEmpty() && got.size() == expected.size()) {
            status = ScenarioStatus.READY;
        } else if (!on.isEmpty()) {
            status = ScenarioStatus.COMPUTING;
        } else {
            status = ScenarioStatus.PENDING;
        }
        return new Progress(status, firstFailure == null ? null : firstFailure.error(), followed, expected.size(),
                got.size());
    }
}
