package org.rareearth.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.rareearth.shared.auth.Roles;

/**
 * {@code ./rare-earth-stack}: the whole system on this machine. Starts the local stack, the topics
 * and the four services, ingests the demo data, runs the demo scenarios, prints what they forecast
 * and where to look, then serves until interrupted (or stops, with {@code --exit}).
 */
public final class StackLauncher {

    static final String BASELINE_FILE = "baseline.json";
    /** Where the local run writes its tokens, under the project home. */
    static final String TOKENS_FILE = "target/rare-earth-stack/tokens.env";
    static final Duration READY_DEADLINE = Duration.ofMinutes(3);
    static final Duration CATALOGUE_DEADLINE = Duration.ofMinutes(2);
    /** Exit status when a service died more often than the restart limits allow. */
    static final int EXIT_SERVICE_FAILED = 3;

    /** One stop at a time: a second caller (signal, shutdown hook, give-up) waits until the first is done. */
    private static final Object STOPPING = new Object();
    private static boolean stopped;
    /** Set before the give-up stops the system, so that the main thread's failure exits with its status. */
    private static volatile boolean gaveUp;

    private StackLauncher() {
    }

    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        AtomicReference<RunningSystem> running = new AtomicReference<>();
        stopOnSignals(running);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running.get()), "rare-earth-stack-stop"));
        int exitCode;
        try {
            exitCode = run(options, out, running);
        } catch (RuntimeException e) {
            System.err.println("rare-earth-stack: " + e.getMessage());
            exitCode = 1;
        }
        if (options.exit() || exitCode != 0) {
            stop(running.get());
            System.exit(gaveUp ? EXIT_SERVICE_FAILED : exitCode);
        }
        out.println("Serving until interrupted (Ctrl-C stops the services and the stack).");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int run(LauncherOptions options, PrintStream out, AtomicReference<RunningSystem> running) {
        Path logs = options.home().resolve("target/stack-logs");
        out.printf("Starting Kafka, PostgreSQL and the four services (replicas: %s; logs in %s) ...%n",
                options.replicas().describe(), logs);
        RunningSystem system = RunningSystem.start(options.home(), offset -> options.basePort() + offset,
                options.partitions(), logs, READY_DEADLINE, options.restartLimits(), StackLauncher::giveUp,
                options.replicas());
        running.set(system);
        printTokens(out, system, options.home().resolve(TOKENS_FILE));
        out.printf("Local stack: %s (Kafka %s); services ready and supervised (a service that dies is restarted,"
                        + " at most %s).%n", system.stack().mode(), system.stack().kafkaBootstrapServers(),
                options.restartLimits().describe());

        DemoUpload.Uploaded uploaded = system.upload().upload(options.data());
        out.printf("Data %s -> data-set version %s (%s; %s rows accepted, %s rejected)%n", options.data(),
                uploaded.version(), uploaded.created() ? "new" : "already ingested",
                uploaded.answer().path("acceptedRows").asText("?"), uploaded.answer().path("rejectedRows").asText("?"));
        system.upload().awaitCatalogue(uploaded.version(), CATALOGUE_DEADLINE);

        List<ScenarioRun> runs = new ScenarioBatch(system.scenarios()).run(options.scenarios(), options.scenarioDeadline(), out);
        new SummaryTable(out).print(runs);
        out.println();
        out.println("Data notice: " + notice(runs, options.data()));
        printUrls(out, system);
        return runs.stream().allMatch(ScenarioRun::ready) ? 0 : 1;
    }

    /** The notice the forecasts carry (it travels from the data set through every event). */
    static String notice(List<ScenarioRun> runs, Path data) {
        for (ScenarioRun run : runs) {
            if (run.ready() && run.forecast().hasNonNull("dataNotice")) {
                return run.forecast().get("dataNotice").asText();
            }
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("dataset.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            return "(none given)";
        }
        return properties.getProperty("notice", "(none given)");
    }

    /** A token per role, printed and written as {@code NAME=token} lines (README "Tokens"). */
    private static void printTokens(PrintStream out, RunningSystem system, Path file) {
        system.auth().writeTokens(file);
        out.printf("Bearer tokens (valid for a working day; also in %s, `source` it; public key %s):%n", file,
                system.auth().publicKey());
        system.auth().tokensByVariable().forEach((name, token) -> out.printf("  %s=%s%n", name, token));
        out.printf("  e.g. curl -H \"Authorization: Bearer $VIEWER_TOKEN\" %s/scenarios%n", system.url(ServiceSpec.SCENARIO));
    }

    private static void printUrls(PrintStream out, RunningSystem system) {
        out.println();
        for (ServiceProcess p : system.fleet().all()) {
            String url = p.baseUrl();
            out.printf("%-21s %s   Swagger UI %s/q/swagger-ui   health %s/q/health   log %s%n", p.name(), url, url, url,
                    p.log());
        }
        // the page reads its viewer token from the URL fragment, which the browser never sends to a server
        out.printf("%-21s %s/#token=%s%n", "Network dashboard", system.url(ServiceSpec.NETWORK),
                system.auth().token(Roles.VIEWER));
        out.printf("%-21s %s%n", "Kafka", system.stack().kafkaBootstrapServers());
        out.printf("%-21s %s (user %s)%n", "PostgreSQL", system.stack().jdbcUrl(), system.stack().dbUser());
    }

    /**
     * Ctrl-C and SIGTERM stop the services and the stack before the JVM begins to exit. Left to
     * the shutdown hook alone, the in-process broker and database went down in parallel with the
     * services' graceful shutdown and the JVM ended before the services did, leaving them orphaned.
     */
    @SuppressWarnings("sunapi")
    private static void stopOnSignals(AtomicReference<RunningSystem> running) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stop(running.get());
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the shutdown hook remains
            }
        }
    }

    /**
     * A service died more often than the restart limits allow: a system without it only looks alive
     * (its topics fill up, scenarios stay pending), so the launcher stops everything and exits
     * non-zero, as a supervisor escalates to its own supervisor (here: whoever started the launcher).
     * On its own thread: the supervisor that reports it is closed by the stop. The system is the one
     * given, so this holds even before {@code main} has it.
     */
    private static void giveUp(RunningSystem system, ServiceSupervisor.GiveUp giveUp) {
        gaveUp = true;
        Thread stopping = new Thread(() -> {
            System.err.println("rare-earth-stack: " + giveUp.message());
            System.err.println("rare-earth-stack: stopping the services and the stack (exit code "
                    + EXIT_SERVICE_FAILED + "); fix the cause (see that log) and start again");
            stop(system);
            System.exit(EXIT_SERVICE_FAILED);
        }, "rare-earth-stack-give-up");
        stopping.start();
    }

    private static void stop(RunningSystem system) {
        if (system == null) {
            return;
        }
        synchronized (STOPPING) {
            if (stopped) {
                return;
            }
            stopped = true;
            System.out.println("Stopping the services, then the stack ...");
            system.close();
            System.out.println("Stopped.");
        }
    }
}
