package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system (stack, topics, the four services as processes on free ports, the demo data
 * ingested) for every end-to-end test class of this JVM: starting it costs about half a minute
 * on two cores, so the classes share it. Stopped by a shutdown hook when the test JVM ends.
 * Tests use unique scenarios, so they do not see each other's work. As an extension
 * ({@code @ExtendWith(SharedSystem.class)}) it starts the system before the class's
 * {@code @BeforeAll} and has JUnit stop it after the last test class (a JVM shutdown hook is only
 * the fallback: surefire counts a fork that is still stopping processes at exit as a failure).
 */
final class SharedSystem implements BeforeAllCallback {

    /** JUnit closes this when the whole run ends: services first, then the stack. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            synchronized (SharedSystem.class) {
                if (system != null) {
                    system.close();
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        get();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Stopper.class, k -> new Stopper(), Stopper.class);
    }

    static final Duration READY = Duration.ofMinutes(3);
    private static final int PARTITIONS = 3;

    /** Where the shared system's services log. */
    static final java.util.function.Function<Path, Path> LOGS = home -> home.resolve("launcher/target/e2e-logs");
    /**
     * DEBUG for the parts that handle the credentials (the datasource pool and driver, Flyway,
     * Kafka's client configuration and security), so that SecretsNotLoggedEndToEndTest also sees
     * what they say at DEBUG; the chatty rest of the Kafka client stays at the services' WARN.
     */
    static final java.util.Map<String, String> DEBUG_LOGGING = java.util.Map.of(
            "QUARKUS_LOG_CATEGORY__IO_AGROAL__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__IO_QUARKUS_AGROAL__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_POSTGRESQL__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_FLYWAYDB__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_CONSUMER_CONSUMERCONFIG__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_PRODUCER_PRODUCERCONFIG__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_ADMIN_ADMINCLIENTCONFIG__LEVEL", "DEBUG",
            "QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_COMMON_SECURITY__LEVEL", "DEBUG");

    private static RunningSystem system;
    private static String datasetVersion;

    static synchronized RunningSystem get() {
        if (system == null) {
            Path home = home();
            ServiceFleet.requireJars(home);
            int[] ports = freePorts(ServiceSpec.ALL.size());
            RunningSystem started = RunningSystem.start(home, offset -> ports[offset], PARTITIONS, LOGS.apply(home), READY,
                    RestartLimits.DEFAULT, (system, giveUp) -> { }, ReplicaCounts.ONE_EACH, DEBUG_LOGGING);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-system-stop"));
            DemoUpload upload = started.upload();
            DemoUpload.Uploaded uploaded = upload.upload(demoData());
            assertThat(uploaded.version()).as("data-set version of the demo upload").isNotBlank();
            upload.awaitCatalogue(uploaded.version(), Duration.ofMinutes(2));
            datasetVersion = uploaded.version();
            system = started;
        }
        return system;
    }

    static synchronized String datasetVersion() {
        get();
        return datasetVersion;
    }

    /** The project directory: the nearest parent of the working directory with mvnw and cli/. */
    static Path home() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("cli"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("project directory (with mvnw and cli/) not found above "
                + Path.of("").toAbsolutePath());
    }

    static Path demoData() {
        return home().resolve("data/rare-earth-demo");
    }

    /** Ports free right now; held open together so that no two are the same. */
    static int[] freePorts(int n) {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // only a probe
                    }
                }
            }
        }
    }
}
