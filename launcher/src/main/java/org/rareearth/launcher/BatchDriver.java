package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.Topics;

/**
 * Throughput of a batch: how long the system takes to answer N scenario versions posted at once,
 * from the first {@code POST /scenarios} to the arrival (at a plain consumer) of the last
 * network.metrics record of the batch, with one or more replicas of the two workers. The documents
 * are the demo scenarios ({@code scenarios/*.json}, five products, 2023..2030 each), taken in turn,
 * each a new scenario: N x 40 results and N x 40 metrics records. A warm-up batch (not counted)
 * goes first, so the JIT has compiled the solver and the network code of every replica.
 *
 * <pre>
 * java -cp launcher/target/rare-earth-stack.jar org.rareearth.launcher.BatchDriver --scenarios 30
 *      [--replicas simulation-service=2,network-service=2] [--warmup 6] [--partitions 3]
 *      [--base-port 18081] [--deadline-minutes 15]
 * </pre>
 * Starts its own stack and services (ports base.., default 18081 so a running ./rare-earth-stack is
 * not disturbed; logs in target/batch-logs), uploads the demo data, runs, prints the time, the
 * records per second, how many units each replica solved and measured, the CPU time each process
 * used during the batch and the machine's load average, then stops everything.
 */
public final class BatchDriver {

    /** A batch larger than this is a load test for a bigger machine, not this driver. */
    static final int MAX_SCENARIOS = 300;

    private BatchDriver() {
    }

    record Options(int scenarios, int warmup, ReplicaCounts replicas, int partitions, int basePort, Duration deadline) {

        static Options parse(List<String> args) {
            int scenarios = 30;
            int warmup = 6;
            ReplicaCounts replicas = ReplicaCounts.ONE_EACH;
            int partitions = LauncherOptions.DEFAULT_PARTITIONS;
            int basePort = 18081;
            Duration deadline = Duration.ofMinutes(15);
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                if (value == null) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                i++;
                switch (a) {
                    case "--scenarios" -> scenarios = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--replicas" -> replicas = ReplicaCounts.parse(value);
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--base-port" -> basePort = Integer.parseInt(value);
                    case "--deadline-minutes" -> deadline = Duration.ofMinutes(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (scenarios < 1 || scenarios > MAX_SCENARIOS || warmup < 0 || warmup > MAX_SCENARIOS) {
                throw new IllegalArgumentException("--scenarios must be 1.." + MAX_SCENARIOS + " and --warmup 0.."
                        + MAX_SCENARIOS);
            }
            return new Options(scenarios, warmup, replicas, partitions, basePort, deadline);
        }
    }

    /**
     * What one batch took: wall time to its last metrics record, records of it, work per replica,
     * CPU time per process during it and the machine's load average before and after.
     */
    record Outcome(int scenarios, int records, double seconds, Map<String, Long> solved, Map<String, Long> measured,
                   Map<String, Duration> cpu, double loadBefore, double loadAfter) {
    }

    public static void main(String[] args) {
        Options options = Options.parse(Arrays.asList(args));
        PrintStream out = System.out;
        Path home = LauncherOptions.projectHome();
        try (RunningSystem system = RunningSystem.start(home, offset -> options.basePort() + offset,
                options.partitions(), home.resolve("target/batch-logs"), StackLauncher.READY_DEADLINE,
                RestartLimits.DEFAULT, (s, giveUp) -> { }, options.replicas())) {
            out.printf("local stack %s, %d partitions, replicas: %s%n", system.stack().mode(), options.partitions(),
                    options.replicas().describe());
            DemoUpload.Uploaded uploaded = system.upload().upload(home.resolve("data/rare-earth-demo"));
            system.upload().awaitCatalogue(uploaded.version(), StackLauncher.CATALOGUE_DEADLINE);
            List<String> documents = documents(home.resolve("scenarios"));
            try (TopicRecorder metrics = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.NETWORK_METRICS.name())) {
                if (options.warmup() > 0) {
                    Outcome warm = run(system, metrics, documents, options.warmup(), "warm-up", options.deadline());
                    out.printf(Locale.ROOT, "warm-up: %d scenarios, %d metrics records in %.1f s%n", warm.scenarios(),
                            warm.records(), warm.seconds());
                }
                Outcome batch = run(system, metrics, documents, options.scenarios(), "batch", options.deadline());
                report(batch, options, out);
            }
        }
        System.exit(0);
    }

    /** Posts {@code count} documents (the demo scenarios in turn) and waits for every metrics record of them. */
    static Outcome run(RunningSystem system, TopicRecorder metrics, List<String> documents, int count, String label,
                       Duration deadline) {
        List<ServiceProcess> simulations = system.fleet().replicas(ServiceSpec.SIMULATION);
        List<ServiceProcess> networks = system.fleet().replicas(ServiceSpec.NETWORK);
        Map<String, Long> solvedBefore = WorkCounts.of(system.http(), simulations);
        Map<String, Long> measuredBefore = WorkCounts.of(system.http(), networks);
        int seen = metrics.arrivals().size();
        double loadBefore = CpuTime.loadAverage();
        Map<String, Duration> cpuBefore = CpuTime.of(system);
        long start = System.nanoTime();
        Set<String> ids = new HashSet<>();
        int expected = 0;
        for (int i = 0; i < count; i++) {
            String document = documents.get(i % documents.size());
            ScenarioClient.Accepted accepted = system.scenarios().create(renamed(document, label + " " + (i + 1)));
            ids.add(accepted.id());
            expected += cells(document);
        }
        Set<String> keys = new HashSet<>();
        long last = start;
        long end = start + deadline.toNanos();
        while (keys.size() < expected) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(label + ": " + keys.size() + " of " + expected
                        + " metrics records within " + deadline.toMinutes() + " min");
            }
            List<TopicRecorder.Arrival> fresh = metrics.awaitAfter(seen, Duration.ofSeconds(1));
            seen += fresh.size();
            for (TopicRecorder.Arrival a : fresh) {
                if (ids.contains(a.key()) && keys.add(a.decode(NetworkMetricsEvent.class).metricsKey())) {
                    last = a.arrivedNanos();
                }
            }
        }
        Map<String, Duration> cpu = CpuTime.between(cpuBefore, CpuTime.of(system));
        return new Outcome(count, expected, (last - start) / 1e9, delta(WorkCounts.of(system.http(), simulations),
                solvedBefore), delta(WorkCounts.of(system.http(), networks), measuredBefore), cpu, loadBefore,
                CpuTime.loadAverage());
    }

    static void report(Outcome batch, Options options, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Batch of %d scenario versions (%d results, %d metrics records), replicas: %s,"
                        + " %d partitions:%n", batch.scenarios(), batch.records(), batch.records(),
                options.replicas().describe(), options.partitions());
        out.printf(Locale.ROOT, "  %.1f s from the first POST to the last metrics record (%.1f metrics records/s)%n",
                batch.seconds(), batch.records() / batch.seconds());
        out.println("  units solved per simulation-service replica: " + batch.solved());
        out.println("  simulated networks measured per network-service replica: " + batch.measured());
        double total = batch.cpu().values().stream().mapToDouble(d -> d.toMillis() / 1000.0).sum();
        out.printf(Locale.ROOT, "  CPU time during the batch (s), %d cores (%.0f core-seconds of wall time):%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * batch.seconds());
        batch.cpu().forEach((name, d) -> out.printf(Locale.ROOT, "    %-30s %7.1f%n", name, d.toMillis() / 1000.0));
        out.printf(Locale.ROOT, "    %-30s %7.1f%n", "sum", total);
        out.printf(Locale.ROOT, "  load average (1 min) before / after: %.1f / %.1f (other work on the machine included)%n",
                batch.loadBefore(), batch.loadAfter());
    }

    /** The demo scenario documents, baseline first. */
    static List<String> documents(Path directory) {
        List<String> documents = new ArrayList<>();
        for (Path file : ScenarioBatch.files(directory)) {
            try {
                documents.add(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return documents;
    }

    /** The document with " (label)" after its name, so every scenario of the batch has its own. */
    static String renamed(String document, String label) {
        try {
            ObjectNode json = (ObjectNode) JsonHttp.mapper().readTree(document);
            json.put("name", json.path("name").asText() + " (" + label + ")");
            return JsonHttp.mapper().writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario document is not JSON: " + e.getMessage(), e);
        }
    }

    /** Products x years of a document: the metrics records it gets (the demo documents list their products). */
    static int cells(String document) {
        try {
            JsonNode json = JsonHttp.mapper().readTree(document);
            int baseYear = json.path("baseYear").asInt();
            int horizon = json.path("horizon").asInt(baseYear);
            int products = json.path("products").size();
            if (products == 0) {
                throw new IllegalArgumentException("the driver needs documents that list their products");
            }
            return products * (horizon - baseYear + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario document is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        return after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue() - before.getOrDefault(e.getKey(), 0L), (a, b) -> a, LinkedHashMap::new));
    }
}
