package org.rareearth.simulation.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.ServiceConfig;

/**
 * {@link LocalStackResource}, kept across application restarts. Quarkus starts the application
 * again when the test profile changes (the restart test does that on purpose) and loads the test
 * resources in a new class loader, where LocalStackResource's "one stack per JVM" would start a
 * second, empty Kafka and PostgreSQL. The servers' addresses are therefore kept in system
 * properties of the test JVM, and a restarted application is pointed at the same servers.
 */
public final class SharedStackResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "rareearth.test-stack.";
    private static final String KAFKA = "kafka.bootstrap.servers";

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(PREFIX + KAFKA) == null) {
            ServiceConfig.forStack(LocalStackResource.stack()).forEach((k, v) -> System.setProperty(PREFIX + k, v));
        }
        Map<String, String> config = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> config.put(k.substring(PREFIX.length()), System.getProperty(k)));
        return config;
    }

    /** The broker of the stack the application runs against, for plain clients in the tests. */
    static String kafkaBootstrapServers() {
        String servers = System.getProperty(PREFIX + KAFKA);
        return servers != null ? servers : LocalStackResource.stack().kafkaBootstrapServers();
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: LocalStackResource's shutdown hook stops the servers
    }
}
