package org.rareearth.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntUnaryOperator;
import java.util.logging.Logger;
import org.rareearth.shared.auth.Roles;
import org.rareearth.stack.LocalStack;
import org.rareearth.stack.TopicSetup;

/**
 * The whole system on one machine: the local stack (Kafka and PostgreSQL), the topics, and the
 * four services as processes (the two workers possibly as several replicas), supervised (a service that dies is reported and restarted, see
 * {@link ServiceSupervisor}). Closing stops the supervision and the services first, then the stack.
 *
 * <p>Authentication is on: the system generates its signing keys ({@link LocalAuth}, the public key in
 * {@code <logDir>/auth/}), the services verify with them, and its clients send the token of the role
 * their calls need: {@link #http()} a viewer's, {@link #scenarios()} an analyst's, {@link #upload()} an
 * operator's.
 */
public final class RunningSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningSystem.class.getName());

    private final LocalStack stack;
    private final ServiceFleet fleet;
    private final JsonHttp http;
    private final DatabaseLogin login;
    private final LocalAuth auth;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningSystem(LocalStack stack, ServiceFleet fleet, JsonHttp http, DatabaseLogin login, LocalAuth auth) {
        this.stack = stack;
        this.fleet = fleet;
        this.http = http;
        this.login = login;
        this.auth = auth;
    }

    /**
     * Starts the system with the default {@link RestartLimits}; a service that exceeds them is left
     * stopped, with the supervisor's log line saying so (the tests and the latency driver then fail
     * on their own deadlines).
     */
    public static RunningSystem start(Path home, IntUnaryOperator ports, int partitions, Path logDir,
                                      Duration readyDeadline) {
        return start(home, ports, partitions, logDir, readyDeadline, RestartLimits.DEFAULT, (system, giveUp) -> {
        });
    }

    /** What to do when the supervisor gave up on a service of {@code system}. */
    @FunctionalInterface
    public interface GiveUpHandler {
        void gaveUp(RunningSystem system, ServiceSupervisor.GiveUp giveUp);
    }

    /**
     * @param ports         the port of each service from its offset
     * @param partitions    partitions of the four contract topics
     * @param restartLimits how often a service that dies is restarted ({@link ServiceSupervisor})
     * @param onGiveUp      told when a service died more often than {@code restartLimits} allow
     */
    public static RunningSystem start(Path home, IntUnaryOperator ports, int partitions, Path logDir,
                                      Duration readyDeadline, RestartLimits restartLimits,
                                      GiveUpHandler onGiveUp) {
        return start(home, ports, partitions, logDir, readyDeadline, restartLimits, onGiveUp, ReplicaCounts.ONE_EACH);
    }

    /**
     * @param ports    the port of each process from its offset ({@link ReplicaCounts#slots()})
     * @param replicas how many processes of simulation-service and network-service
     */
    public static RunningSystem start(Path home, IntUnaryOperator ports, int partitions, Path logDir,
                                      Duration readyDeadline, RestartLimits restartLimits,
                                      GiveUpHandler onGiveUp, ReplicaCounts replicas) {
        return start(home, ports, partitions, logDir, readyDeadline, restartLimits, onGiveUp, replicas, Map.of());
    }

    /**
     * @param additional further environment variables of every service process (the end-to-end
     *                   tests turn DEBUG logging on for the datasource and the Kafka client this way)
     */
    public static RunningSystem start(Path home, IntUnaryOperator ports, int partitions, Path logDir,
                                      Duration readyDeadline, RestartLimits restartLimits,
                                      GiveUpHandler onGiveUp, ReplicaCounts replicas, Map<String, String> additional) {
        ServiceFleet.requireJars(home);
        LocalStack stack = LocalStack.start();
        LOG.info(() -> "local stack mode: " + stack.mode() + "; Kafka " + stack.kafkaBootstrapServers() + ", PostgreSQL "
                + stack.jdbcUrl());
        try {
            TopicSetup.create(stack, partitions);
            // the services log in with a role and a random password of this run (DatabaseLogin)
            DatabaseLogin login = DatabaseLogin.create(stack);
            LOG.info(() -> "services' database login: " + login);
            JsonHttp http = new JsonHttp(JsonHttp.newClient());
            LocalAuth auth = LocalAuth.create(logDir.resolve("auth"));
            Map<String, String> environment = new LinkedHashMap<>(additional);
            environment.putAll(auth.environment());
            ServiceFleet fleet = new ServiceFleet(home, stack, ports, logDir, http.client(), replicas, login, environment);
            RunningSystem system = new RunningSystem(stack, fleet, http, login, auth);
            try {
                fleet.startAll(readyDeadline);
                fleet.supervise(restartLimits, readyDeadline, giveUp -> onGiveUp.gaveUp(system, giveUp));
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

    /** The services' database login (its password is one of {@link #secrets()}). */
    public DatabaseLogin databaseLogin() {
        return login;
    }

    /**
     * Every credential this system handed to its services: none of them may appear in a service's
     * log (SecretsNotLoggedEndToEndTest). Tokens the launcher prints belong here too.
     */
    public java.util.List<String> secrets() {
        return java.util.List.of(login.password());
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceFleet fleet() {
        return fleet;
    }

    /** A client with a viewer's token: reads (and the public /q/* endpoints). */
    public JsonHttp http() {
        return http(Roles.VIEWER);
    }

    /** A client with the token of {@code role} (service-kit's Roles). */
    public JsonHttp http(String role) {
        return http.withToken(auth.token(role));
    }

    public LocalAuth auth() {
        return auth;
    }

    public String url(ServiceSpec spec) {
        return fleet.url(spec);
    }

    public ScenarioClient scenarios() {
        return new ScenarioClient(http(Roles.ANALYST), url(ServiceSpec.SCENARIO));
    }

    public DemoUpload upload() {
        return new DemoUpload(http(Roles.OPERATOR), url(ServiceSpec.INGEST), url(ServiceSpec.SCENARIO));
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
