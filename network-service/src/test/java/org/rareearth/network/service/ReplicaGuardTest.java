package org.rareearth.network.service;

import org.rareearth.stack.KafkaTestClient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rareearth.kit.testing.OtherReplica;
import org.rareearth.network.messaging.MetricsCoordinator;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.network.run.MetricsComputation;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

/**
 * Several replicas share one database: a metrics key that another replica is answering (it holds
 * the key's lock, {@link OtherReplica}) is neither computed nor sent by this one, and what that
 * replica stored but had not sent when it died is sent once by this one.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ReplicaGuardTest {

    private static final List<FlowValue> FLOWS = MetricsMessagingTest.flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80");

    @Inject
    MetricsComputation computation;

    @Inject
    MetricsStore store;

    @Test
    void aKeyAnotherReplicaIsAnsweringIsNotComputedOrSentAgain() throws Exception {
        String scenarioId = "busy-elsewhere-" + UUID.randomUUID();
        SimulationResultEvent result = MetricsMessagingTest.result(scenarioId, 1, 2024, FLOWS, FLOWS);
        SimulationResultEvent marker = MetricsMessagingTest.result(scenarioId, 1, 2025, FLOWS, FLOWS);
        String key = MetricsComputation.simulatedKey(result);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            try (OtherReplica other = OtherReplica.answering(MetricsCoordinator.lockOf(key))) {
                KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(result));
                // this replica reaches the key: it waits for the other one (or, unguarded, answers it itself)
                Awaitility.await().atMost(KafkaTestClient.DEADLINE)
                        .until(() -> other.isWaitedFor() || !answers(metrics, scenarioId, 2024).isEmpty());
                assertTrue(answers(metrics, scenarioId, 2024).isEmpty(), "sent while another replica answers the key");

                // the other replica stores, sends and marks its answer, then releases the key
                NetworkMetricsEvent answer = computation.simulated(result);
                store.store(answer);
                KafkaTestClient.send(Topics.NETWORK_METRICS.name(), scenarioId, EventCodec.encode(answer));
                store.markPublished(key);
            }
            // same key, same partition, read in order: once the marker is answered, the first input was handled
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(marker));
            metrics.await(r -> scenarioId.equals(r.key()) && decode(r).year() == 2025, 1);
            assertEquals(1, answers(metrics, scenarioId, 2024).size(), "the other replica's answer, once");
        }
        assertTrue(store.find(key).orElseThrow().published);
    }

    @Test
    void metricsAReplicaIsStillSendingAreLeftToItAndSentOnceWhenItDies() throws Exception {
        String scenarioId = "sending-elsewhere-" + UUID.randomUUID();
        SimulationResultEvent result = MetricsMessagingTest.result(scenarioId, 1, 2024, FLOWS, FLOWS);
        String key = MetricsComputation.simulatedKey(result);
        NetworkMetricsEvent answer = computation.simulated(result);
        try (KafkaTestClient.Reader metrics = new KafkaTestClient.Reader(Topics.NETWORK_METRICS.name())) {
            try (OtherReplica other = OtherReplica.answering(MetricsCoordinator.lockOf(key))) {
                // the other replica has stored its answer and is about to send it
                store.store(answer);
                // any input makes this replica re-send what is stored but unpublished, first
                SimulationResultEvent first = MetricsMessagingTest.result(scenarioId, 1, 2025, FLOWS, FLOWS);
                KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(first));
                metrics.await(r -> scenarioId.equals(r.key()) && decode(r).year() == 2025, 1);
                assertTrue(answers(metrics, scenarioId, 2024).isEmpty(),
                        "another replica's metrics in flight, sent by this one");
                assertFalse(store.find(key).orElseThrow().published);
            }
            // the other replica died before sending: the next input sends its metrics, once
            SimulationResultEvent second = MetricsMessagingTest.result(scenarioId, 1, 2026, FLOWS, FLOWS);
            KafkaTestClient.send(Topics.SIMULATION_RESULTS.name(), scenarioId, EventCodec.encode(second));
            metrics.await(r -> scenarioId.equals(r.key()) && decode(r).year() == 2026, 1);
            List<ConsumerRecord<String, String>> sent = answers(metrics, scenarioId, 2024);
            assertEquals(1, sent.size());
            assertEquals(answer, decode(sent.get(0)));
        }
        assertTrue(store.find(key).orElseThrow().published);
    }

    private static List<ConsumerRecord<String, String>> answers(KafkaTestClient.Reader metrics, String scenarioId,
                                                               int year) {
        return metrics.matching(r -> scenarioId.equals(r.key()) && decode(r).year() == year);
    }

    private static NetworkMetricsEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), NetworkMetricsEvent.class);
    }
}
