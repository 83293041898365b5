package org.rareearth.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntUnaryOperator;
import java.util.logging.Logger;
import org.rareearth.stack.LocalStack;
import org.rareearth.stack.TopicSetup;

/**
 * The whole system on one machine: the local stack (Kafka and PostgreSQL), the topics, and the
 * four services as processes. Closing stops the services first, then the stack.
 */
public final class RunningSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningSystem.class.getName());

    private final LocalStack stack;
    private final ServiceFleet fleet;
    private final JsonHttp http;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private RunningSystem(LocalStack stack, ServiceFleet fleet, JsonHttp http) {
        this.stack = stack;
        this.fleet = fleet;
        this.http = http;
    }

    /**
     * @param ports      the port of each service from its offset
     * @param partitions partitions of the four contract topics
     */
    public static RunningSystem start(Path home, IntUnaryOperator ports, int partitions, Path logDir,
                                      Duration readyDeadline) {
        ServiceFleet.requireJars(home);
        LocalStack stack = LocalStack.start();
        LOG.info(() -> "local stack mode: " + stack.mode() + "; Kafka " + stack.kafkaBootstrapServers() + ", PostgreSQL "
                + stack.jdbcUrl());
        try {
            TopicSetup.create(stack, partitions);
            JsonHttp http = new JsonHttp(JsonHttp.newClient());
            ServiceFleet fleet = new ServiceFleet(home, stack, ports, logDir, http.client());
            RunningSystem system = new RunningSystem(stack, fleet, http);
            try {
                fleet.startAll(readyDeadline);
            } catch (RuntimeException e) {
                system.close();
                throw e;
            }
            return system;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceFleet fleet() {
        return fleet;
    }

    public JsonHttp http() {
        return http;
    }

    public String url(ServiceSpec spec) {
        return fleet.url(spec);
    }

    public ScenarioClient scenarios() {
        return new ScenarioClient(http, url(ServiceSpec.SCENARIO));
    }

    public DemoUpload upload() {
        return new DemoUpload(http, url(ServiceSpec.INGEST), url(ServiceSpec.SCENARIO));
    }

    /** Stops the services, then the stack; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            fleet.close();
        } finally {
            stack.close();
        }
    }
}
