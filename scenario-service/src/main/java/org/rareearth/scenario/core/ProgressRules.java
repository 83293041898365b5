package org.rareearth.scenario.core;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The status of one scenario version, derived from everything received for it (so a redelivered
 * message, which adds nothing, cannot change it):
 * <ol>
 *   <li>{@code failed} when any simulation result or network metrics event of the version reported
 *       FAILED; the reason is the error of the first such event (a failure is reported, never
 *       dropped, and outranks a completed data-set version);</li>
 *   <li>{@code ready} when, for one data-set version, network metrics of every expected (product,
 *       year) arrived (distinct cells; metrics outside the expected cells do not count);</li>
 *   <li>{@code computing} when anything arrived for the version;</li>
 *   <li>{@code pending} otherwise.</li>
 * </ol>
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
     * @param datasetVersion the data-set version the counts are for (the ready one, else the one
     *                       closest to completion); {@code null} when nothing arrived
     */
    public record Progress(ScenarioStatus status, String reason, String datasetVersion, int expected, int received) {
    }

    /**
     * @param outcomes           every event of the version, in arrival order
     * @param expectedFor        the expected cells on a data-set version
     * @param datasetsNewestFirst known data-set versions, newest first (ties are broken towards newer data)
     * @param latestDataset      the newest data-set version, for the counts before anything arrived (may be null)
     */
    public static Progress evaluate(List<Outcome> outcomes, Function<String, Set<WorkCell>> expectedFor,
                                    List<String> datasetsNewestFirst, String latestDataset) {
        Map<String, Set<WorkCell>> received = new HashMap<>();
        Set<String> datasets = new LinkedHashSet<>();
        Outcome firstFailure = null;
        for (Outcome o : outcomes) {
            if (o.failed()) {
                if (firstFailure == null) {
                    firstFailure = o;
                }
                continue;
            }
            if (o.source() == Source.NETWORK_METRICS && o.datasetVersion() != null) {
                datasets.add(o.datasetVersion());
                received.computeIfAbsent(o.datasetVersion(), d -> new HashSet<>()).add(new WorkCell(o.product(), o.year()));
            }
        }
        Comparator<String> newestFirst = Comparator.comparingInt(d -> {
            int at = datasetsNewestFirst.indexOf(d);
            return at < 0 ? Integer.MAX_VALUE : at;
        });
        String readyOn = null;
        String closest = null;
        int closestCount = -1;
        for (String d : datasets.stream().sorted(newestFirst).toList()) {
            Set<WorkCell> expected = expectedFor.apply(d);
            Set<WorkCell> got = new HashSet<>(received.get(d));
            got.retainAll(expected);
            if (!expected.isEmpty() && got.size() == expected.size() && readyOn == null) {
                readyOn = d;
            }
            if (got.size() > closestCount) {
                closest = d;
                closestCount = got.size();
            }
        }
        String countedOn = readyOn != null ? readyOn : closest;
        int expected;
        int got;
        if (countedOn != null) {
            expected = expectedFor.apply(countedOn).size();
            got = readyOn != null ? expected : closestCount;
        } else {
            countedOn = outcomes.isEmpty() ? latestDataset
                    : outcomes.stream().map(Outcome::datasetVersion).filter(d -> d != null).findFirst().orElse(latestDataset);
            expected = countedOn == null ? 0 : expectedFor.apply(countedOn).size();
            got = 0;
        }
        ScenarioStatus status;
        String reason = null;
        if (firstFailure != null) {
            status = ScenarioStatus.FAILED;
            reason = firstFailure.error();
        } else if (readyOn != null) {
            status = ScenarioStatus.READY;
        } else if (!outcomes.isEmpty()) {
            status = ScenarioStatus.COMPUTING;
        } else {
            status = ScenarioStatus.PENDING;
        }
        return new Progress(status, reason, countedOn, expected, got);
    }
}
