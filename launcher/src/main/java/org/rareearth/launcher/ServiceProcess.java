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

/**
 * A service running as its own JVM ({@code java -jar quarkus-run.jar}), its output in a log file.
 * Stopping sends SIGTERM first so Quarkus shuts down gracefully (consumers leave their group,
 * in-flight work is finished or left unacknowledged), and kills only if that takes too long.
 */
public final class ServiceProcess {

    /** Heap of each service: four of them and the stack share a small machine. */
    static final String HEAP = "-Xmx512m";
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL = Duration.ofMillis(250);

    private final ServiceSpec spec;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ServiceProcess(ServiceSpec spec, Path jar, int port, Map<String, String> environment, Path log) {
        this.spec = spec;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
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
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name() + " is already running (pid " + process.pid() + ")");
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
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not be started: " + e.getMessage(), e);
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
            Process p = process;
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

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        return process.pid();
    }

    /** Resident memory of the process in KiB ({@code VmRSS} of /proc/PID/status), empty where unknown. */
    public OptionalLong rssKiB() {
        return isAlive() ? ProcessMemory.rssKiB(pid()) : OptionalLong.empty();
    }

    /** SIGTERM, then waits for the graceful shutdown; SIGKILL only when that does not end in time. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
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

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
