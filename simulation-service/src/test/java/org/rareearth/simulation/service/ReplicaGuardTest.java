package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.kit.testing.OtherReplica;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.simulation.messaging.SimulationCoordinator;
import org.rareearth.simulation.persistence.ResultUnit;
import org.rareearth.simulation.persistence.SimulationStore;
import org.rareearth.simulation.run.ScenarioComputation;

/**
 * Several replicas share one database: a unit that another replica is answering (it holds the
 * unit's lock, {@link OtherReplica}) is neither computed nor sent by this one, what that replica
 * stored but had not sent when it died is sent once by this one, and a request stored while
 * another replica moves the data-set pointer is solved on the new data set (the two decisions are
 * taken one after the other, under the decision lock).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ReplicaGuardTest {

    private static final String PRODUCT = "850511";
    private static final int YEARS = 4;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String DOCUMENT = """
            {"name": "replicas", "baseYear": 2023, "horizon": 2026, "products": ["850511"],
             "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"],
                         "rate": 0.25, "mode": "add"}]}""";

    @Inject
    SimulationStore store;

    @Test
    void aUnitAnotherReplicaIsAnsweringIsNotComputedOrSentAgain() throws Exception {
        TradeBaselineEvent baseline = publishBaseline();
        ScenarioRequestEvent request = request(unique("busy-elsewhere"));
        ResultUnit unit = new ResultUnit(request.scenarioId(), 1, baseline.datasetVersion(), PRODUCT);

        try (OtherReplica other = OtherReplica.answering(unit.lockKey())) {
            send(request);
            // this replica reaches the unit: it waits for the other one (or, unguarded, answers it itself)
            await().atMost(DEADLINE).until(() -> other.isWaitedFor() || !resultsOf(request.scenarioId()).isEmpty());
            assertThat(keysOf(request.scenarioId())).as("sent while another replica answers the unit").isEmpty();

            // the other replica stores, sends and marks its answer, then releases the unit
            List<SimulationResultEvent> answer = new ScenarioComputation().compute(request, baseline);
            store.storeResults(answer);
            for (SimulationResultEvent e : answer) {
                KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), e.scenarioId(), EventCodec.encode(e));
                store.markPublished(e.resultKey());
            }
        }
        // this replica handles one input at a time: once a later request is answered, it is done with this one
        String marker = unique("marker");
        send(request(marker));
        await().atMost(DEADLINE).until(() -> resultsOf(marker).size() >= YEARS);

        assertThat(keysOf(request.scenarioId())).as("results of the unit on simulation.results: the other"
                + " replica's, once").hasSize(YEARS).doesNotHaveDuplicates();
        assertThat(store.unit(unit)).hasSize(YEARS).allMatch(r -> r.published);
        archive(request.scenarioId());
        archive(marker);
    }

    @Test
    void resultsAReplicaIsStillSendingAreLeftToItAndSentOnceWhenItDies() throws Exception {
        TradeBaselineEvent baseline = publishBaseline();
        ScenarioRequestEvent request = request(unique("sending-elsewhere"));
        ResultUnit unit = new ResultUnit(request.scenarioId(), 1, baseline.datasetVersion(), PRODUCT);
        List<SimulationResultEvent> answer = new ScenarioComputation().compute(request, baseline);

        try (OtherReplica other = OtherReplica.answering(unit.lockKey())) {
            // the other replica has stored its answer and is about to send it
            store.storeResults(answer);
            // any input makes this replica re-send what is stored but unpublished, first
            String first = unique("marker");
            send(request(first));
            await().atMost(DEADLINE).until(() -> resultsOf(first).size() >= YEARS);
            assertThat(keysOf(request.scenarioId())).as("another replica's results in flight, sent by this one")
                    .isEmpty();
            assertThat(store.unit(unit)).noneMatch(r -> r.published);
            archive(first);
        }
        // the other replica died before sending: the next input sends its results, once
        String second = unique("marker");
        send(request(second));
        await().atMost(DEADLINE).until(() -> resultsOf(second).size() >= YEARS);

        assertThat(resultsOf(request.scenarioId())).containsExactlyElementsOf(answer);
        assertThat(store.unit(unit)).hasSize(YEARS).allMatch(r -> r.published);
        archive(second);
    }

    @Test
    void aRequestStoredWhileAnotherReplicaMovesThePointerIsSolvedOnTheNewDataSet() throws Exception {
        // two data sets stored; the older one arrived last, so it is current (no pointer yet)
        TradeBaselineEvent newer = DemoBaselines.event(unique("ds-new"), 2023, PRODUCT);
        store.storeBaseline(newer, EventCodec.encode(newer));
        TradeBaselineEvent older = publishBaseline();
        ScenarioRequestEvent request = request(unique("during-pointer"));
        long sequence = Long.MAX_VALUE / 2 + System.nanoTime() % 1_000_000;
        CurrentDatasetEvent pointer = new CurrentDatasetEvent(CurrentDatasetEvent.SCHEMA_VERSION, sequence,
                newer.datasetVersion(), newer.datasetYears(), newer.datasetProducts(), newer.dataNotice(),
                Instant.now().toString(), "test");
        try {
            try (OtherReplica other = OtherReplica.answering(SimulationCoordinator.DECISIONS)) {
                // the other replica stores a new pointer and reads the active requests: not this one yet
                other.write("insert into simulation.current_dataset (sequence, dataset_version, event, received_at)"
                        + " values (?, ?, ?, now())", sequence, newer.datasetVersion(), EventCodec.encode(pointer));
                send(request);
                // this replica stores the request meanwhile: it waits for the decision (or, unguarded, goes on)
                await().atMost(DEADLINE).until(() -> other.isWaitedFor() || !resultsOf(request.scenarioId()).isEmpty());
                other.commit();
            }
            // the request sees the new pointer, as the pointer did not see the request: solved on the new data
            await().atMost(DEADLINE).until(() -> resultsOf(request.scenarioId()).stream()
                    .filter(r -> newer.datasetVersion().equals(r.datasetVersion())).count() >= YEARS);
            assertThat(resultsOf(request.scenarioId())).extracting(SimulationResultEvent::datasetVersion)
                    .as("solved on the data set that is current once both decided, not on %s", older.datasetVersion())
                    .containsOnly(newer.datasetVersion());
        } finally {
            // the pointer was this test's: later tests take the newest data set by arrival again
            try (Connection session = OtherReplica.session();
                 PreparedStatement delete = session.prepareStatement("delete from simulation.current_dataset where sequence = ?")) {
                delete.setLong(1, sequence);
                delete.executeUpdate();
            }
            archive(request.scenarioId());
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    /** A data-set version of its own, the latest stored, so requests are solved on it. */
    private TradeBaselineEvent publishBaseline() {
        TradeBaselineEvent baseline = DemoBaselines.event(unique("ds"), 2023, PRODUCT);
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
        await().atMost(DEADLINE).until(() -> store.currentDatasetVersion().orElse(""),
                v -> v.equals(baseline.datasetVersion()));
        return baseline;
    }

    private static ScenarioRequestEvent request(String id) {
        return new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 1, false, DOCUMENT,
                Instant.now().toString());
    }

    private static void archive(String id) {
        send(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, id, 2, true, null, Instant.now().toString()));
    }

    private static void send(ScenarioRequestEvent request) {
        KafkaTestClient.send(Topics.SCENARIO_REQUESTS.name(), request.scenarioId(), EventCodec.encode(request));
    }

    private static List<SimulationResultEvent> resultsOf(String scenarioId) {
        return KafkaTestClient.readAll(Topics.SIMULATION_RESULTS.name()).stream().filter(r -> scenarioId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), SimulationResultEvent.class)).toList();
    }

    private static List<String> keysOf(String scenarioId) {
        return resultsOf(scenarioId).stream().map(SimulationResultEvent::resultKey).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
