package org.rareearth.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.simulation.persistence.ResultUnit;
import org.rareearth.simulation.persistence.SimulationStore;
import org.rareearth.simulation.run.ScenarioComputation;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.stack.LocalStackResource;

/**
 * What a restart finds and does, each test on a state of its own: the service stopped (or was
 * killed) while it answered a request, after it had stored the unit's results and before all of
 * them were acknowledged by the broker and marked. The request was then not acknowledged either, so
 * the restarted service reads it again; each test writes that state into the store itself and sends
 * the request again, as the restart delivers it. Stored results that were not marked are sent once,
 * marked ones are neither sent again nor recomputed. (A real process restart is covered end to end
 * by the launcher's {@code SimulationRestartEndToEndTest}.)
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RestartResendTest {

    private static final String PRODUCT = "850511";
    private static final int YEARS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** One product, six years; {@code %s} is the data-set version it pins. */
    private static final String DOCUMENT = """
            {"name": "restart", "datasetVersion": "%s", "baseYear": 2023, "horizon": 2028, "products": ["850511"],
             "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"],
                         "rate": 0.25, "mode": "add"}]}""";

    @Inject
    SimulationStore store;

    @Test
    void resultsStoredButNotSentBeforeTheRestart_areSentOnce_whenTheRequestIsReadAgain() {
        TradeBaselineEvent baseline = storedBaseline();
        ScenarioRequestEvent request = request(unique("restart-unsent"), baseline);
        List<SimulationResultEvent> answer = storedBeforeTheStop(request, baseline);

        send(request);
        ResultUnit unit = unitOf(request, baseline);
        await().atMost(DEADLINE).until(() -> store.unit(unit).stream().allMatch(r -> r.published));

        assertThat(keysOf(request.scenarioId())).as("results on simulation.results: each stored one, once")
                .containsExactlyElementsOf(keysOf(answer));
        archive(request.scenarioId());
    }

    @Test
    void resultsMarkedBeforeTheRestart_areNeitherSentAgainNorRecomputed() {
        TradeBaselineEvent baseline = storedBaseline();
        ScenarioRequestEvent request = request(unique("restart-half-sent"), baseline);
        List<SimulationResultEvent> answer = storedBeforeTheStop(request, baseline);
        // the service sent and marked the first years (in order) before it stopped
        List<SimulationResultEvent> sentBefore = answer.subList(0, YEARS / 2);
        for (SimulationResultEvent e : sentBefore) {
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), e.scenarioId(), EventCodec.encode(e));
            store.markPublished(e.resultKey());
        }
        ResultUnit unit = unitOf(request, baseline);
        List<Long> storedRows = store.unit(unit).stream().map(r -> r.seq).toList();

        send(request);
        await().atMost(DEADLINE).until(() -> store.unit(unit).stream().allMatch(r -> r.published));

        assertThat(keysOf(request.scenarioId())).as("the marked years once (sent before the stop), the"
                + " others once (after the restart)").containsExactlyElementsOf(keysOf(answer));
        assertThat(store.unit(unit)).as("the unit's rows: the ones stored before the stop, none replaced or added")
                .extracting(r -> r.seq).containsExactlyElementsOf(storedRows);
        archive(request.scenarioId());
    }

    // ---------------------------------------------------------------------------------- helpers

    /**
     * The state the stop left: the request stored and its unit's results stored unpublished, as the
     * service stores them before it sends any (and as it would have computed them).
     */
    private List<SimulationResultEvent> storedBeforeTheStop(ScenarioRequestEvent request, TradeBaselineEvent baseline) {
        assertThat(store.storeRequest(request)).isTrue();
        List<SimulationResultEvent> answer = new ScenarioComputation().compute(request, baseline);
        assertThat(answer).hasSize(YEARS);
        store.storeResults(answer);
        assertThat(store.unit(unitOf(request, baseline))).hasSize(YEARS).noneMatch(r -> r.published);
        return answer;
    }

    /**
     * A data-set version of its own, received before the stop. It is stored directly, not sent: a
     * baseline the service handles would solve the active requests pinned to it itself, racing the
     * state the test writes.
     */
    private TradeBaselineEvent storedBaseline() {
        TradeBaselineEvent baseline = DemoBaselines.event(uniqueDatasetVersion(), 2023, PRODUCT);
        assertThat(store.storeBaseline(baseline, EventCodec.encode(baseline))).isTrue();
        return baseline;
    }

    private static ResultUnit unitOf(ScenarioRequestEvent request, TradeBaselineEvent baseline) {
        return new ResultUnit(request.scenarioId(), request.scenarioVersion(), baseline.datasetVersion(), PRODUCT);
    }

    /** A request pinned to the baseline's data set: no other test's data set solves it. */
    private static ScenarioRequestEvent request(String id, TradeBaselineEvent baseline) {
        return new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false,
                DOCUMENT.formatted(baseline.datasetVersion()), Instant.now().toString());
    }

    /** Archived once checked: the scenario stays out of every later "active requests" list. */
    private static void archive(String id) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 2, true, null, Instant.now().toString()));
    }

    private static void send(ScenarioRequestEvent request) {
        KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), request.scenarioId(), EventCodec.encode(request));
    }

    /** The result keys on simulation.results for a scenario, in the order they were sent. */
    private static List<String> keysOf(String scenarioId) {
        return keysOf(KafkaTestClient.readAll(Topics.SIMULATION_RESULTS.name()).stream()
                .filter(r -> scenarioId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), SimulationResultEvent.class)).toList());
    }

    private static List<String> keysOf(List<SimulationResultEvent> results) {
        return results.stream().map(SimulationResultEvent::resultKey).toList();
    }

    /** A data-set version of its own, in the form a document may pin (sha256 and 64 hex digits). */
    private static String uniqueDatasetVersion() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(UUID.randomUUID().toString().getBytes(UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
