package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.simulation.persistence.SimulationStore;

/**
 * Second half of the restart test: a new profile makes Quarkus start the application again; the
 * requests pending when it stopped are read again from the committed offsets and every result
 * appears exactly once on simulation.results.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestProfile(RestartFixture.P2AfterRestart.class)
class RestartAfterTest {

    @Inject
    SimulationStore store;

    @Test
    void everyPendingRequestIsAnsweredExactlyOnce() {
        // the same stack as before the restart: the first half's data set is still the latest
        assertThat(store.currentDatasetVersion()).hasValue(RestartFixture.datasetVersion());
        List<String> ids = RestartFixture.scenarioIds();
        int expected = RestartFixture.REQUESTS * RestartFixture.years();
        List<SimulationResultEvent> results = await().atMost(Duration.ofSeconds(120)).until(() ->
                        KafkaTestClient.readAll(Topics.SIMULATION_RESULTS.name()).stream()
                                .filter(r -> ids.contains(r.key()))
                                .map(r -> EventCodec.decode(r.value(), SimulationResultEvent.class))
                                .toList(),
                list -> list.stream().map(SimulationResultEvent::resultKey).distinct().count() >= expected);

        Map<String, Long> copies = results.stream()
                .collect(Collectors.groupingBy(SimulationResultEvent::resultKey, Collectors.counting()));
        assertThat(copies).hasSize(expected);
        assertThat(copies.values()).as("copies of each result on the topic").containsOnly(1L);
        assertThat(results).allMatch(e -> e.datasetVersion().equals(RestartFixture.datasetVersion()));
        for (String id : ids) {
            assertThat(store.results(id)).hasSize(RestartFixture.years()).allMatch(r -> r.published);
        }
        assertThat(results.stream().collect(Collectors.groupingBy(SimulationResultEvent::scenarioId,
                Collectors.counting()))).hasSize(RestartFixture.REQUESTS)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(RestartFixture.years()));
    }
}
