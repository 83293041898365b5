package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.simulation.persistence.SimulationStore;
import org.rareearth.shared.events.DemoBaselines;

/**
 * First half of the restart test: sends several long requests and leaves as soon as the first
 * result is out, so the application stops (the next test class has another profile, see {@link RestartFixture}) while
 * requests are still pending. {@link RestartAfterTest} checks that each was answered exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@TestProfile(RestartFixture.P1BeforeRestart.class)
class RestartBeforeTest {

    private static final Logger LOG = Logger.getLogger(RestartBeforeTest.class);

    @Inject
    SimulationStore store;

    @Test
    void requestsArePendingWhenTheServiceStops() {
        TradeBaselineEvent baseline = DemoBaselines.event(RestartFixture.datasetVersion(), 2023, "850511");
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
        await().atMost(Duration.ofSeconds(60)).until(() -> store.currentDatasetVersion().orElse(""),
                v -> v.equals(baseline.datasetVersion()));
        for (String id : RestartFixture.scenarioIds()) {
            ScenarioRequestEvent request = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false,
                    RestartFixture.DOCUMENT, Instant.now().toString());
            KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), id, EventCodec.encode(request));
        }
        String first = RestartFixture.scenarioIds().get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> !store.results(first).isEmpty());
        long done = RestartFixture.scenarioIds().stream().mapToLong(id -> store.results(id).size()).sum();
        LOG.infof("stopping the service with %d of %d results stored", done,
                (long) RestartFixture.REQUESTS * RestartFixture.years());
    }
}
