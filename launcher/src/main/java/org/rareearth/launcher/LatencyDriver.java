package org.rareearth.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.rareearth.shared.auth.Roles;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.Topics;

/**
 * Pipeline latency of a policy event: from the 201 of {@code POST /scenarios/{id}/events} to the
 * arrival (at a plain consumer) of the last network.metrics record of the new scenario version,
 * i.e. scenario-service -> scenario.requests -> simulation-service -> simulation.results ->
 * network-service -> network.metrics. Events are appended one after another (the next one only
 * when the previous version's metrics are all in), so each figure is an unloaded pipeline.
 * Prints p50/p95/max and the resident memory of each service process.
 *
 * <pre>
 * java -cp launcher/target/rare-earth-stack.jar org.rareearth.launcher.LatencyDriver --events 100
 *      [--warmup 5] [--product 850511] [--base-year 2023] [--horizon 2023] [--base-port 18081]
 *      [--attach --kafka HOST:PORT --base-port 8081]
 * </pre>
 * Without {@code --attach} it starts the stack and the services itself (ports base..base+3,
 * default 18081 so a running ./rare-earth-stack is not disturbed) and uploads the demo data; with
 * {@code --attach} it uses running services (RSS is then not measured: the processes are not its own).
 */
public final class LatencyDriver {

    private static final Duration PER_EVENT = Duration.ofMinutes(2);

    private LatencyDriver() {
    }

    public record Options(int events, int warmup, String product, int baseYear, int horizon, int basePort, boolean attach,
                   String kafka) {

        public static Options parse(List<String> args) {
            int events = 100;
            int warmup = 5;
            String product = "850511";
            int baseYear = 2023;
            Integer horizon = null;
            int basePort = 18081;
            boolean attach = false;
            String kafka = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--events" -> events = Integer.parseInt(args.get(++i));
                    case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                    case "--product" -> product = args.get(++i);
                    case "--base-year" -> baseYear = Integer.parseInt(args.get(++i));
                    case "--horizon" -> horizon = Integer.parseInt(args.get(++i));
                    case "--base-port" -> basePort = Integer.parseInt(args.get(++i));
                    case "--attach" -> attach = true;
                    case "--kafka" -> kafka = args.get(++i);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (attach && kafka == null) {
                throw new IllegalArgumentException("--attach needs --kafka HOST:PORT (the broker the services use)");
            }
            return new Options(events, warmup, product, baseYear, horizon == null ? baseYear : horizon, basePort, attach,
                    kafka);
        }
    }

    public static void main(String[] args) {
        Options options = Options.parse(Arrays.asList(args));
        PrintStream out = System.out;
        RunningSystem system = null;
        try {
            String kafka;
            String scenarioUrl;
            JsonHttp http;
            if (options.attach()) {
                kafka = options.kafka();
                // the running stack's analyst token: the driver creates scenarios
                http = new JsonHttp(JsonHttp.newClient()).withToken(LocalAuth.readToken(
                        LauncherOptions.projectHome().resolve(StackLauncher.TOKENS_FILE), Roles.ANALYST));
                scenarioUrl = "http://localhost:" + (options.basePort() + ServiceSpec.SCENARIO.offset());
            } else {
                Path home = LauncherOptions.projectHome();
                system = RunningSystem.start(home, offset -> options.basePort() + offset, LauncherOptions.DEFAULT_PARTITIONS,
                        home.resolve("target/latency-logs"), StackLauncher.READY_DEADLINE);
                out.printf("local stack %s, services on ports %d..%d%n", system.stack().mode(), options.basePort(),
                        options.basePort() + 3);
                DemoUpload.Uploaded uploaded = system.upload().upload(home.resolve("data/rare-earth-demo"));
                system.upload().awaitCatalogue(uploaded.version(), StackLauncher.CATALOGUE_DEADLINE);
                kafka = system.stack().kafkaBootstrapServers();
                http = system.http(Roles.ANALYST);
                scenarioUrl = system.url(ServiceSpec.SCENARIO);
            }
            List<Double> millis = measure(options, new ScenarioClient(http, scenarioUrl), kafka, out);
            report(options, millis, system, out);
        } finally {
            if (system != null) {
                system.close();
            }
        }
        System.exit(0);
    }

    public static List<Double> measure(Options options, ScenarioClient scenarios, String kafka, PrintStream out) {
        int years = options.horizon() - options.baseYear() + 1;
        try (TopicRecorder metrics = new TopicRecorder(kafka, Topics.NETWORK_METRICS.name())) {
            ScenarioClient.Accepted created = scenarios.create("""
                    {"name": "latency %s", "baseYear": %d, "horizon": %d, "products": ["%s"], "events": []}"""
                    .formatted(UUID.randomUUID(), options.baseYear(), options.horizon(), options.product()));
            VersionArrivals arrivals = new VersionArrivals(metrics, created.id());
            arrivals.await(1, years);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < options.warmup() + options.events(); i++) {
                String event = """
                        {"type": "TARIFF", "year": %d, "importers": ["USA"], "exporters": ["CHN"], "rate": %s, "mode": "set"}"""
                        .formatted(options.baseYear(), String.format(Locale.ROOT, "%.3f", 0.01 * (i % 50 + 1)));
                ScenarioClient.Accepted accepted = scenarios.appendEvent(created.id(), event);
                long acceptedAt = System.nanoTime();
                long last = arrivals.await(accepted.version(), years);
                if (i >= options.warmup()) {
                    millis.add((last - acceptedAt) / 1e6);
                }
                if ((i + 1) % 20 == 0) {
                    out.printf("  %d events appended%n", i + 1);
                }
            }
            return millis;
        }
    }

    /** Follows network.metrics for one scenario: arrival times per version, read incrementally. */
    static final class VersionArrivals {
        private final TopicRecorder metrics;
        private final String id;
        private final java.util.Map<Integer, List<Long>> byVersion = new java.util.HashMap<>();
        private int seen;

        VersionArrivals(TopicRecorder metrics, String id) {
            this.metrics = metrics;
            this.id = id;
        }

        /** Waits for the metrics of every year of {@code version}; returns the arrival time of the last one. */
        long await(int version, int years) {
            long end = System.nanoTime() + PER_EVENT.toNanos();
            while (byVersion.getOrDefault(version, List.of()).size() < years) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("network.metrics of " + id + " version " + version
                            + " did not all arrive within " + PER_EVENT.toSeconds() + " s");
                }
                List<TopicRecorder.Arrival> fresh = metrics.awaitAfter(seen, Duration.ofMillis(500));
                seen += fresh.size();
                for (TopicRecorder.Arrival a : fresh) {
                    if (id.equals(a.key())) {
                        NetworkMetricsEvent m = a.decode(NetworkMetricsEvent.class);
                        if (m.status() != org.rareearth.shared.events.ComputationStatus.OK) {
                            throw new IllegalStateException("metrics " + m.metricsKey() + " failed: " + m.error());
                        }
                        byVersion.computeIfAbsent(m.scenarioVersion(), v -> new ArrayList<>()).add(a.arrivedNanos());
                    }
                }
            }
            return byVersion.get(version).stream().max(Long::compare).orElseThrow();
        }
    }

    public static void report(Options options, List<Double> millis, RunningSystem system, PrintStream out) {
        List<Double> sorted = millis.stream().sorted().toList();
        out.println();
        out.printf("Pipeline latency, %d policy events (after %d warm-up), product %s, years %d..%d:%n", sorted.size(),
                options.warmup(), options.product(), options.baseYear(), options.horizon());
        out.printf(Locale.ROOT, "  p50 %.1f ms   p95 %.1f ms   max %.1f ms   mean %.1f ms%n", percentile(sorted, 50),
                percentile(sorted, 95), sorted.get(sorted.size() - 1),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        if (system == null) {
            out.println("  RSS: not measured (attached to processes this driver did not start)");
            return;
        }
        out.println("Resident memory (VmRSS) after the run:");
        for (ServiceProcess p : system.fleet().all()) {
            out.printf("  %-19s %s%n", p.name(), mib(p.rssKiB()));
        }
        out.printf("  %-19s %s (this JVM: %s Kafka and the driver)%n", "stack+driver",
                mib(ProcessMemory.rssKiB(ProcessHandle.current().pid())), system.stack().mode());
        List<Long> postgres = postgresProcesses(system);
        long kib = postgres.stream().mapToLong(pid -> ProcessMemory.rssKiB(pid).orElse(0)).sum();
        out.printf("  %-19s %s (sum over %d processes; shared buffers counted in each)%n", "postgresql",
                postgres.isEmpty() ? "n/a" : mib(OptionalLong.of(kib)), postgres.size());
    }

    /**
     * The embedded PostgreSQL server's processes: pg_ctl daemonizes the postmaster, so they are not
     * this JVM's descendants; they are found by the port of the stack's JDBC URL on their command line.
     */
    static List<Long> postgresProcesses(RunningSystem system) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(system.stack().jdbcUrl());
        if (!m.find()) {
            return List.of();
        }
        String port = m.group(1);
        List<Long> postmasters = ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> Arrays.asList(a).contains(port) || String.join(" ", a).contains("-p " + port)).orElse(false))
                .map(ProcessHandle::pid).toList();
        List<Long> all = new ArrayList<>(postmasters);
        for (long pid : postmasters) {
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> all.add(d.pid())));
        }
        return all;
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String mib(OptionalLong kib) {
        return kib.isPresent() ? String.format(Locale.ROOT, "%.0f MiB", kib.getAsLong() / 1024.0) : "n/a";
    }
}
