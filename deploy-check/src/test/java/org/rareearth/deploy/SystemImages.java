package org.rareearth.deploy;

import java.util.List;

/**
 * The four services and the image names the build gives them: {@code <group>/<artifactId>:<project
 * version>}, group and version passed by the build (deploy-check's pom: rareearth.image.group,
 * project.version).
 */
public record SystemImages(String group, String version) {

    public static final List<String> SERVICES = List.of("ingest-service", "scenario-service", "simulation-service",
            "network-service");
    /** The services that scale out over Kafka partitions (several replicas, no fixed host port). */
    public static final List<String> SCALED = List.of("simulation-service", "network-service");

    public static SystemImages fromBuild() {
        return new SystemImages(required("rareearth.image.group"), required("rareearth.version"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (deploy-check's pom sets it)");
        }
        return value;
    }

    public String name(String service) {
        return group + "/" + service;
    }

    public String reference(String service) {
        return name(service) + ":" + version;
    }
}
