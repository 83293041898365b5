package org.rareearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A service running as its own JVM ({@code java -jar quarkus-run.jar}), its output in a log file.
 * Stopping sends SIGTERM first so Quarkus shuts down gracefully (consumers leave their group,
 * in-flight work is finished or left unacknowledged), and kills only if that takes too long.
 * An exit that {@link #stop()} did not ask for is reported to the {@link ExitListener} (the
 * launcher's {@link ServiceSupervisor}), once per run.
 */
public final class ServiceProcess {

    /** Heap of each service: four of them and the stack share a small machine. */
    static final String HEAP = "-Xmx512m";
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);

    private final ServiceSpec spec;
    private final int replica;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    /** The current run (null before the first start); volatile: awaitReady reads it without the lock. */
    private volatile Run current;
    private volatile ExitListener exitListener;

    /** Told when a run of the service ends without {@link #stop()} having asked for it. */
    @FunctionalInterface
    public interface ExitListener {
        void exitedUnexpectedly(ServiceProcess service, int exitCode);
    }

    /**
     * One JVM of the service. {@code stopRequested} is per run, so the exit of a run stopped on
     * purpose is never mistaken for a crash of the next one started right after it.
     */
    private static final class Run {
        final Process process;
        final AtomicBoolean stopRequested = new AtomicBoolean();
        final AtomicBoolean reported = new AtomicBoolean();

        Run(Process process) {
            this.process = process;
        }

        boolean endedUnexpectedly() {
            return !process.isAlive() && !stopRequested.get();
        }
    }

    public ServiceProcess(ServiceSpec spec, Path jar, int port, Map<String, String> environment, Path log) {
        this(spec, 1, jar, port, environment, log);
    }

    /** @param replica which process of the service this is (1 = the first; see {@link ReplicaCounts}) */
    public ServiceProcess(ServiceSpec spec, int replica, Path jar, int port, Map<String, String> environment, Path log) {
        this.spec = spec;
        this.replica = replica;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The service's name; a further replica's has its number: simulation-service, simulation-service-2. */
    public String name() {
        return name(spec, replica);
    }

    static String name(ServiceSpec spec, int replica) {
        return replica == 1 ? spec.name() : spec.name() + "-" + replica;
    }

    public int replica() {
        return replica;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the JVM; the log file is appended to, so a restart keeps the earlier run's lines. */
    public synchronized void start() {
        Run running = current;
        if (running != null && running.process.isAlive()) {
            throw new IllegalStateException(name() + " is already running (pid " + running.process.pid() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name() + ": runnable jar " + jar + " is missing; build it with "
                    + "./mvnw -q -DskipTests package -pl " + name() + " -am");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), HEAP, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(jar.getParent().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.getParent());
            Run run = new Run(builder.start());
            current = run;
            run.process.onExit().thenRun(() -> reportIfUnexpected(run));
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not be started: " + e.getMessage(), e);
        }
    }

    /** Starts the JVM unless a run is alive (started by someone else meanwhile); true when it started one. */
    public synchronized boolean startUnlessRunning() {
        if (isAlive()) {
            return false;
        }
        start();
        return true;
    }

    /**
     * Reports unexpected exits to {@code listener} from now on; an unexpected exit that happened
     * before (between a run's readiness and this call) is reported at once.
     */
    public void onUnexpectedExit(ExitListener listener) {
        exitListener = listener;
        Run run = current;
        if (run != null) {
            reportIfUnexpected(run);
        }
    }

    private void reportIfUnexpected(Run run) {
        ExitListener listener = exitListener;
        if (listener != null && run.endedUnexpectedly() && run.reported.compareAndSet(false, true)) {
            listener.exitedUnexpectedly(this, run.process.exitValue());
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 (Kafka and the database reachable).
     *
     * @throws IllegalStateException naming the service and its log when the process ends or the deadline passes
     */
    public void awaitReady(HttpClient http, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        int lastStatus = -1;
        while (Instant.now().isBefore(end)) {
            Run run = current;
            Process p = run == null ? null : run.process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(name() + " exited with code " + (p == null ? "?" : p.exitValue())
                        + " before it was ready; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name(), e);
            }
            try {
                p.waitFor(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name(), e);
            }
        }
        throw new IllegalStateException(name() + " was not ready within " + deadline.toSeconds() + " s ("
                + baseUrl() + "/q/health/ready last answered " + (lastStatus < 0 ? "nothing" : lastStatus)
                + "); see " + log.toAbsolutePath());
    }

    public boolean isAlive() {
        Run run = current;
        return run != null && run.process.isAlive();
    }

    public long pid() {
        Run run = current;
        if (run == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        return run.process.pid();
    }

    /** Resident memory of the process in KiB ({@code VmRSS} of /proc/PID/status), empty where unknown. */
    public OptionalLong rssKiB() {
        return isAlive() ? ProcessMemory.rssKiB(pid()) : OptionalLong.empty();
    }

    /** SIGTERM, then waits for the graceful shutdown; SIGKILL only when that does not end in time. */
    public synchronized void stop() {
        Run run = current;
        if (run == null || !run.process.isAlive()) {
            return;
        }
        run.stopRequested.set(true);
        Process process = run.process;
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL without {@link #stop()}'s intent: the exit is reported as unexpected. For a run that
     * never became ready, so that it counts against the restart bound instead of hanging on.
     */
    void kill() {
        Run run = current;
        if (run != null) {
            run.process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
