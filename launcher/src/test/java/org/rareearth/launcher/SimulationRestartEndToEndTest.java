package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;

/**
 * Requests that arrive while simulation-service is down are answered after it comes back, each
 * exactly once: one result per (scenario, version, product, year) on simulation.results, none
 * missing, none twice (the publish-then-mark pattern, docs/events.md).
 */
@ExtendWith(SharedSystem.class)
@Order(2)
class SimulationRestartEndToEndTest {

    static final List<String> PRODUCTS = List.of("850511", "284690");
    static final List<Integer> YEARS = List.of(2023, 2024);
    static final int SCENARIOS = 3;
    static final Duration ANSWERED = Duration.ofMinutes(2);

    static RunningSystem system;
    static TopicRecorder results;

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        results = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.SIMULATION_RESULTS.name());
    }

    @AfterAll
    static void stop() {
        if (results != null) {
            results.close();
        }
        ServiceProcess simulation = system == null ? null : system.fleet().get(ServiceSpec.SIMULATION);
        if (simulation != null && !simulation.isAlive()) {
            // leave the shared system whole for the other test classes
            simulation.start();
            simulation.awaitReady(system.http().client(), SharedSystem.READY);
        }
    }

    @Test
    void pendingRequestsAreAnsweredExactlyOnceAfterARestart() {
        ServiceProcess simulation = system.fleet().get(ServiceSpec.SIMULATION);
        simulation.stop();
        assertThat(simulation.isAlive()).isFalse();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SCENARIOS; i++) {
            ScenarioClient.Accepted accepted = system.scenarios().create("""
                    {"name": "e2e restart %d %s", "baseYear": 2023, "horizon": 2024, "products": ["850511", "284690"],
                     "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"],
                                 "rate": %s, "mode": "add"}]}""".formatted(i, UUID.randomUUID(), 0.1 * (i + 1)));
            ids.add(accepted.id());
        }
        for (String id : ids) {
            assertThat(system.scenarios().status(id).path("status").asText())
                    .as("scenario %s while simulation-service is down", id).isIn("pending", "computing");
        }

        simulation.start();
        simulation.awaitReady(system.http().client(), SharedSystem.READY);

        Set<String> expected = new HashSet<>();
        for (String id : ids) {
            for (String product : PRODUCTS) {
                for (int year : YEARS) {
                    expected.add(key(id, 1, product, year));
                }
            }
        }
        await("every pending request answered on simulation.results").atMost(ANSWERED)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> counts(ids).keySet().containsAll(expected));
        for (String id : ids) {
            await("scenario " + id + " ready").atMost(ANSWERED).pollInterval(Duration.ofMillis(200))
                    .until(() -> system.scenarios().status(id).path("status").asText(), "ready"::equals);
        }
        // no late duplicates either: the counts stay at one while we watch for a few seconds
        await("no duplicate answers").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> counts(ids).values().stream().allMatch(n -> n == 1L));

        Map<String, Long> counts = counts(ids);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts).allSatisfy((k, n) -> assertThat(n).as("answers for %s", k).isEqualTo(1L));
        List<SimulationResultEvent> mine = mine(ids);
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.status()).as("%s: %s", r.resultKey(), r.error()).isEqualTo(ComputationStatus.OK);
            assertThat(r.datasetVersion()).isEqualTo(SharedSystem.datasetVersion());
        });
    }

    private static List<SimulationResultEvent> mine(List<String> ids) {
        return results.events(SimulationResultEvent.class).stream().filter(r -> ids.contains(r.scenarioId())).toList();
    }

    /** Result messages per (scenarioId, version, product, year). */
    private static Map<String, Long> counts(List<String> ids) {
        return mine(ids).stream().map(r -> key(r.scenarioId(), r.scenarioVersion(), r.product(), r.year()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String key(String id, int version, String product, int year) {
        return id + ":" + version + ":" + product + ":" + year;
    }
}
