package org.rareearth.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real local stack: one Kafka and one PostgreSQL per test
 * JVM, started on first use and stopped when the JVM exits, so every test class of a service
 * shares them. Use with {@code @QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)}.
 */
public final class LocalStackResource implements QuarkusTestResourceLifecycleManager {

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

    @Override
    public Map<String, String> start() {
        return ServiceConfig.forStack(stack());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: the shutdown hook stops it
    }
}
