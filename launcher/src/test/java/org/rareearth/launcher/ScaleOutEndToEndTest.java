package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;

/**
 * Scale-out over Kafka consumer groups, black box: two replicas of simulation-service and two of
 * network-service share the partitions of their input topics and one database schema each.
 * <ol>
 *   <li>A batch of scenario versions is spread: every replica computes a share of it; every
 *       (scenario version, data-set version, product, year) gets exactly one result and one metrics
 *       message, one row in each service's read model and one cell in scenario-service's.</li>
 *   <li>New trade data (its baselines on both simulation replicas' partitions, its pointer on
 *       dataset.current, one partition, so on one replica) re-solve every active scenario once.</li>
 *   <li>One replica of each is killed (SIGKILL) in the middle of a second batch, half of which is
 *       posted after the kill, onto the dead replicas' partitions too. Supervision is off, so only
 *       the group's rebalance hands that work to the survivors; every unit is still answered, one
 *       stored row each. On the topics a key may appear twice only where a killed replica had sent
 *       it but not yet marked it (publish-then-mark, docs/architecture.md): at most one key per
 *       killed replica, both copies identical.</li>
 * </ol>
 * Its own system (not {@link SharedSystem}, which runs one replica of each), first of the classes.
 */
@Order(0)
class ScaleOutEndToEndTest {

    private static final Logger LOG = Logger.getLogger(ScaleOutEndToEndTest.class.getName());

    static final ReplicaCounts TWO_WORKERS = new ReplicaCounts(Map.of(ServiceSpec.SIMULATION, 2, ServiceSpec.NETWORK, 2));
    /** Even: with two replicas each gets two partitions of every input topic. */
    static final int PARTITIONS = 4;
    /** Off: a killed replica stays dead, so its partitions can only reach the survivor by a rebalance. */
    static final RestartLimits NO_RESTARTS = new RestartLimits(0, RestartLimits.DEFAULT_WINDOW, Duration.ZERO);
    /**
     * Per batch. Scenario ids are random, so each replica's partitions get about half: the chance that
     * one of the two gets none of 16 is 2^-15.
     */
    static final int SCENARIOS = 16;
    static final String PRODUCT = "850511";
    static final List<Integer> YEARS = List.of(2023, 2024, 2025);
    /** A killed replica's partitions wait for its session to time out (10 s, the services' setting). */
    static final Duration SETTLED = Duration.ofMinutes(4);
    /** trade.baseline events of the demo data: 7 years x 5 products. */
    static final int DEMO_BASELINES = 35;
    /** What a killed replica may leave on a topic twice: the one send it had not marked yet. */
    static final int COPIES_PER_KILLED_REPLICA = 1;

    @TempDir
    static Path work;

    static RunningSystem system;
    static TopicRecorder results;
    static TopicRecorder metrics;
    static final List<ServiceSupervisor.GiveUp> deaths = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void twoReplicasOfEachWorker() {
        Path home = SharedSystem.home();
        ServiceFleet.requireJars(home);
        int[] ports = SharedSystem.freePorts(TWO_WORKERS.processes());
        system = RunningSystem.start(home, offset -> ports[offset], PARTITIONS, home.resolve("launcher/target/e2e-scale-logs"),
                SharedSystem.READY, NO_RESTARTS, (s, giveUp) -> deaths.add(giveUp), TWO_WORKERS);
        DemoUpload.Uploaded uploaded = system.upload().upload(SharedSystem.demoData());
        system.upload().awaitCatalogue(uploaded.version(), Duration.ofMinutes(2));
        results = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.SIMULATION_RESULTS.name());
        metrics = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.NETWORK_METRICS.name());
    }

    @AfterAll
    static void stop() {
        Stream.of(results, metrics).filter(r -> r != null).forEach(TopicRecorder::close);
        if (system != null) {
            system.close();
        }
    }

    @Test
    void replicasShareTheWorkAnswerEachUnitOnceAndTheSurvivorsFinishWhatAKilledReplicaLeft() throws IOException {
        List<ServiceProcess> simulations = system.fleet().replicas(ServiceSpec.SIMULATION);
        List<ServiceProcess> networks = system.fleet().replicas(ServiceSpec.NETWORK);
        assertThat(simulations).extracting(ServiceProcess::name).containsExactly("simulation-service", "simulation-service-2");
        assertThat(networks).extracting(ServiceProcess::name).containsExactly("network-service", "network-service-2");
        String first = currentDataset();
        // every baseline of the data set handled first: the last one solves whatever is active then,
        // which would hand the whole batch to one replica
        awaitBaselinesHandled(simulations, DEMO_BASELINES);

        // 1. a batch, spread over the replicas, each unit answered once
        List<String> batchA = post(SCENARIOS, "a");
        awaitReady(batchA, first);
        Map<String, Long> requestShare = new LinkedHashMap<>();
        for (ServiceProcess p : simulations) {
            requestShare.put(p.name(), WorkCounts.messagesHandled(system.http(), p, Topics.SCENARIO_REQUESTS.name()));
        }
        assertThat(requestShare).as("scenario.requests handled per simulation-service replica").allSatisfy(
                (replica, n) -> assertThat(n).as(replica).isPositive());
        assertThat(requestShare.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SCENARIOS);
        Map<String, Long> simulationShare = WorkCounts.of(system.http(), simulations);
        Map<String, Long> networkShare = WorkCounts.of(system.http(), networks);
        LOG.info(() -> "work per replica after batch A: requests " + requestShare + ", units " + simulationShare
                + ", networks " + networkShare);
        assertThat(simulationShare).as("units solved per simulation-service replica").allSatisfy(
                (replica, units) -> assertThat(units).as(replica).isPositive());
        assertThat(networkShare).as("simulated networks measured per network-service replica").allSatisfy(
                (replica, n) -> assertThat(n).as(replica).isPositive());
        assertThat(simulationShare.values().stream().mapToLong(Long::longValue).sum())
                .as("units solved by all replicas together: each once").isEqualTo(SCENARIOS);
        assertThat(networkShare.values().stream().mapToLong(Long::longValue).sum())
                .as("networks measured by all replicas together: each once").isEqualTo((long) SCENARIOS * YEARS.size());
        assertExactlyOnce(batchA, first, 0);

        // 2. new data: every active scenario re-solved once on it, not once per replica
        DemoUpload.Uploaded changed = system.upload().upload(ChangedDemoData.write(work));
        String second = changed.version();
        assertThat(second).isNotEqualTo(first);
        awaitReady(batchA, second);
        assertThat(WorkCounts.of(system.http(), simulations).values().stream().mapToLong(Long::longValue).sum())
                .as("units solved by all replicas after the new data: each scenario once more").isEqualTo(2L * SCENARIOS);
        assertExactlyOnce(batchA, second, 0);

        // 3. one replica of each killed in the middle of a batch; half of it arrives after the kill
        List<String> batchB = new ArrayList<>(post(SCENARIOS / 2, "b"));
        ServiceProcess deadSimulation = simulations.get(1);
        ServiceProcess deadNetwork = networks.get(1);
        ProcessHandle.of(deadSimulation.pid()).orElseThrow().destroyForcibly();
        ProcessHandle.of(deadNetwork.pid()).orElseThrow().destroyForcibly();
        batchB.addAll(post(SCENARIOS - SCENARIOS / 2, "b"));
        await("both killed replicas gone").atMost(Duration.ofSeconds(30))
                .until(() -> !deadSimulation.isAlive() && !deadNetwork.isAlive());

        awaitReady(batchB, second);
        assertExactlyOnce(batchB, second, COPIES_PER_KILLED_REPLICA);
        assertThat(deadSimulation.isAlive()).as("not restarted: the survivor took its partitions").isFalse();
        assertThat(deaths).extracting(ServiceSupervisor.GiveUp::process)
                .containsExactlyInAnyOrder(deadSimulation.name(), deadNetwork.name());
        // the read models hold every unit of both batches once (the topics' copies are keyed)
        for (String id : batchA) {
            assertStoredOnce(id, Set.of(first, second), second);
        }
        for (String id : batchB) {
            assertStoredOnce(id, Set.of(second), second);
        }
    }

    // ---------------------------------------------------------------------------------- steps

    private static void awaitBaselinesHandled(List<ServiceProcess> simulations, int baselines) {
        await("the " + baselines + " baselines handled by simulation-service").atMost(SETTLED)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> simulations.stream().mapToLong(
                        p -> WorkCounts.messagesHandled(system.http(), p, Topics.TRADE_BASELINE.name())).sum() >= baselines);
    }

    private static List<String> post(int count, String batch) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(system.scenarios().create("""
                    {"name": "scale-out %s %d %s", "baseYear": 2023, "horizon": 2025, "products": ["%s"],
                     "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"],
                                 "rate": %.2f, "mode": "add"}]}""".formatted(batch, i, UUID.randomUUID(), PRODUCT,
                    0.05 * (i + 1))).id());
        }
        return ids;
    }

    /** Every scenario ready on {@code datasetVersion}, all its cells in. */
    private static void awaitReady(List<String> ids, String datasetVersion) {
        for (String id : ids) {
            JsonNode status = await("scenario " + id + " ready on " + datasetVersion).atMost(SETTLED)
                    .pollInterval(Duration.ofMillis(250)).until(() -> system.scenarios().status(id),
                            s -> "ready".equals(s.path("status").asText())
                                    && datasetVersion.equals(s.path("datasetVersion").asText()));
            assertThat(status.path("received").asInt()).as("cells of %s", id).isEqualTo(YEARS.size())
                    .isEqualTo(status.path("expected").asInt());
        }
    }

    /**
     * One result and one metrics message per (scenario, version 1, data set, product, year) of
     * {@code ids}, none missing, none failed, and at most {@code copies} keys per topic that arrived
     * twice, each time the same content.
     */
    private static void assertExactlyOnce(List<String> ids, String datasetVersion, int copies) {
        Set<String> expected = new HashSet<>();
        for (String id : ids) {
            for (int year : YEARS) {
                expected.add(id + ":1:" + datasetVersion + ":" + PRODUCT + ":" + year);
            }
        }
        List<SimulationResultEvent> sent = await("every result on simulation.results").atMost(SETTLED)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> results.events(SimulationResultEvent.class).stream()
                        .filter(r -> expected.contains(r.resultKey())).toList(),
                        l -> l.stream().map(SimulationResultEvent::resultKey).collect(Collectors.toSet()).equals(expected));
        List<NetworkMetricsEvent> measured = await("every metrics record on network.metrics").atMost(SETTLED)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> metrics.events(NetworkMetricsEvent.class).stream()
                        .filter(m -> expected.contains(m.metricsKey())).toList(),
                        l -> l.stream().map(NetworkMetricsEvent::metricsKey).collect(Collectors.toSet()).equals(expected));
        assertThat(sent).allSatisfy(r -> assertThat(r.status()).as("%s: %s", r.resultKey(), r.error())
                .isEqualTo(ComputationStatus.OK));
        assertThat(measured).allSatisfy(m -> assertThat(m.status()).as("%s: %s", m.metricsKey(), m.error())
                .isEqualTo(ComputationStatus.OK));
        assertAtMostCopies("simulation.results", sent, SimulationResultEvent::resultKey, copies);
        assertAtMostCopies("network.metrics", measured, NetworkMetricsEvent::metricsKey, copies);
    }

    private static <T> void assertAtMostCopies(String topic, List<T> events, Function<T, String> key, int copies) {
        Map<String, List<T>> byKey = events.stream().collect(Collectors.groupingBy(key));
        Map<String, List<T>> twice = byKey.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!twice.isEmpty()) {
            LOG.info(() -> topic + ": keys sent more than once: " + twice.keySet());
        }
        assertThat(twice.keySet()).as("keys on %s more than once", topic).hasSizeLessThanOrEqualTo(copies);
        assertThat(twice.values()).allSatisfy(same -> {
            assertThat(same).as("copies").hasSize(2);
            assertThat(same.get(1)).as("the copy").isEqualTo(same.get(0));
        });
    }

    /**
     * One row per (data set, year) in simulation-service's read model, one per year on {@code newest}
     * in network-service's (which serves the newest data set a version was measured on).
     */
    private static void assertStoredOnce(String id, Set<String> datasets, String newest) {
        // any replica answers from the shared schema: ask the survivors
        JsonNode rows = system.http().get(system.url(ServiceSpec.SIMULATION) + "/results/" + id)
                .expect(200, "GET /results/" + id).json();
        List<String> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(r.path("scenarioVersion").asInt() + ":" + r.path("datasetVersion").asText() + ":"
                + r.path("product").asText() + ":" + r.path("year").asInt()));
        List<String> expected = datasets.stream().flatMap(d -> YEARS.stream().map(y -> "1:" + d + ":" + PRODUCT + ":" + y))
                .toList();
        assertThat(cells).as("result rows of %s", id).containsExactlyInAnyOrderElementsOf(expected);

        JsonNode measured = system.http().get(system.url(ServiceSpec.NETWORK) + "/metrics/" + id + "?version=1")
                .expect(200, "GET /metrics/" + id).json();
        List<String> years = new ArrayList<>();
        measured.forEach(m -> years.add(m.path("datasetVersion").asText() + ":" + m.path("product").asText() + ":"
                + m.path("year").asInt()));
        assertThat(years).as("metrics rows of %s", id)
                .containsExactlyInAnyOrderElementsOf(YEARS.stream().map(y -> newest + ":" + PRODUCT + ":" + y).toList());
    }

    private static String currentDataset() {
        return system.http().get(system.url(ServiceSpec.INGEST) + "/datasets/current")
                .expect(200, "GET /datasets/current").json().path("version").asText();
    }
}
