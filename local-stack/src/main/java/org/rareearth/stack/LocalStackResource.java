package org.rareearth.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real local stack: one Kafka and one PostgreSQL per test
 * JVM, started on first use and stopped when the JVM exits, so every test class of a service
 * shares them. Use with {@code @QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Kept across application restarts too: Quarkus starts the application again when the test
 * profile changes and loads the test resources in a new class loader, where "one stack per JVM"
 * would start a second, empty Kafka and PostgreSQL. The servers' addresses are therefore kept in
 * system properties of the test JVM, and a restarted application is pointed at the same servers.
 */
public final class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "rareearth.test-stack.";
    private static final String KAFKA = "kafka.bootstrap.servers";

    private static LocalStack stack;

    /** The stack of this JVM, started on first call. */
    public static synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.start();
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-stop"));
        }
        return stack;
    }

    /** The broker of the stack the application runs against (the first class loader's), for plain clients. */
    public static String kafkaBootstrapServers() {
        String servers = System.getProperty(PREFIX + KAFKA);
        return servers != null ? servers : stack().kafkaBootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(PREFIX + KAFKA) == null) {
                ServiceConfig.forStack(stack()).forEach((k, v) -> System.setProperty(PREFIX + k, v));
            }
        }
        Map<String, String> config = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> config.put(k.substring(PREFIX.length()), System.getProperty(k)));
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: the shutdown hook stops it
    }
}
