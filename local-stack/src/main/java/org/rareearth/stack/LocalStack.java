package org.rareearth.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A real Kafka broker and a real PostgreSQL server for the local run and the tests: in containers
 * (Testcontainers) when a Docker engine is reachable, otherwise in this JVM from Maven artifacts
 * (a KRaft Kafka node, an embedded PostgreSQL binary). The environment variable
 * {@value #MODE_VARIABLE} forces one: {@code containers} or {@code in-process} ({@code auto} is the
 * default). The choice is logged.
 */
public interface LocalStack extends AutoCloseable {

    String MODE_VARIABLE = "RARE_EARTH_STACK";
    String IN_PROCESS = "in-process";
    String CONTAINERS = "containers";
    String AUTO = "auto";

    /** Kafka bootstrap servers, {@code host:port}. */
    String kafkaBootstrapServers();

    /** JDBC URL of the database every service uses (each service keeps its own schema in it). */
    String jdbcUrl();

    String dbUser();

    String dbPassword();

    /** {@value #IN_PROCESS} or {@value #CONTAINERS}. */
    String mode();

    /**
     * Takes the Kafka broker down, keeping its address, topics and data, until the returned outage
     * is closed: for tests of what the services do while Kafka is unreachable. In-process the
     * broker is shut down (connections are refused) and started again on the same port; in a
     * container the broker is paused (it stops answering) and resumed.
     */
    KafkaOutage stopKafka();

    /**
     * Takes PostgreSQL down, keeping its address and data, until the returned outage is closed: for
     * tests of what the services do while the database is unreachable (a transient fault). In-process
     * the server is stopped (connections are refused) and started again on the same port with the
     * same data directory; in a container it is paused (it stops answering) and resumed.
     */
    DatabaseOutage stopDatabase();

    @Override
    void close();

    static LocalStack start() {
        Logger log = Logger.getLogger(LocalStack.class.getName());
        String wanted = System.getenv().getOrDefault(MODE_VARIABLE, AUTO).trim().toLowerCase(Locale.ROOT);
        String mode = switch (wanted) {
            case IN_PROCESS, CONTAINERS -> wanted;
            case AUTO, "" -> dockerReachable() ? CONTAINERS : IN_PROCESS;
            default -> throw new IllegalArgumentException(MODE_VARIABLE + "=" + wanted + ": use " + IN_PROCESS + ", "
                    + CONTAINERS + " or " + AUTO);
        };
        log.info(() -> "local stack: " + mode + " Kafka and PostgreSQL (" + MODE_VARIABLE + "=" + wanted + ")");
        return CONTAINERS.equals(mode) ? ContainerStack.start() : InProcessStack.start();
    }

    /**
     * Asks Testcontainers only when a Docker endpoint is configured or its socket exists, so that a
     * machine without Docker never waits for a connection attempt.
     */
    private static boolean dockerReachable() {
        boolean endpoint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return endpoint && ContainerStack.dockerAvailable();
    }
}
