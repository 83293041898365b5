package org.rareearth.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four services: its module (where its runnable jar is built) and its port offset
 * from the base port (8081 = ingest, 8082 = scenario, 8083 = simulation, 8084 = network, as in
 * the services' own configuration).
 */
public record ServiceSpec(String name, int offset) {

    public static final ServiceSpec INGEST = new ServiceSpec("ingest-service", 0);
    public static final ServiceSpec SCENARIO = new ServiceSpec("scenario-service", 1);
    public static final ServiceSpec SIMULATION = new ServiceSpec("simulation-service", 2);
    public static final ServiceSpec NETWORK = new ServiceSpec("network-service", 3);

    public static final List<ServiceSpec> ALL = List.of(INGEST, SCENARIO, SIMULATION, NETWORK);

    public static final int DEFAULT_BASE_PORT = 8081;

    /** The Quarkus fast-jar launcher that {@code ./mvnw package} builds for the module. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
