package org.rareearth.launcher;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import org.rareearth.stack.LocalStack;
import org.rareearth.stack.ServiceConfig;

/**
 * The four services as processes pointed at one stack, simulation-service and network-service
 * possibly as several replicas ({@link ReplicaCounts}); started together, supervised once all are
 * ready ({@link ServiceSupervisor}, each replica on its own), stopped together.
 */
public final class ServiceFleet implements AutoCloseable {

    private final Map<ServiceSpec, List<ServiceProcess>> processes = new LinkedHashMap<>();
    private final HttpClient http;
    private volatile ServiceSupervisor supervisor;

    /**
     * @param ports the port of each service from its offset (base port + offset, or free ports in tests)
     */
    public ServiceFleet(Path home, LocalStack stack, IntUnaryOperator ports, Path logDir, HttpClient http) {
        this(home, stack, ports, logDir, http, ReplicaCounts.ONE_EACH);
    }

    /**
     * @param ports    the port of each process from its offset ({@link ReplicaCounts.Slot#offset()})
     * @param replicas how many processes of each service; a replica's log is {@code <name>.log}
     *                 ({@code simulation-service-2.log})
     */
    public ServiceFleet(Path home, LocalStack stack, IntUnaryOperator ports, Path logDir, HttpClient http,
                        ReplicaCounts replicas) {
        this(home, stack, ports, logDir, http, replicas, null, Map.of());
    }

    /**
     * @param login      the database login of the services (null: the stack's own)
     * @param additional further variables of every process (log levels, the token verification settings
     *                   of {@link LocalAuth#environment()})
     */
    public ServiceFleet(Path home, LocalStack stack, IntUnaryOperator ports, Path logDir, HttpClient http,
                        ReplicaCounts replicas, DatabaseLogin login, Map<String, String> additional) {
        this.http = http;
        Map<String, String> environment = new LinkedHashMap<>(ServiceConfig.asEnvironment(stack));
        if (login != null) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", login.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", login.user());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        }
        environment.putAll(additional);
        // Dev Services are a build-time matter (absent from a packaged jar); setting them at run
        // time only earns a "build time property cannot be changed" warning in every log
        environment.keySet().removeIf(k -> k.contains("DEVSERVICES"));
        for (ReplicaCounts.Slot slot : replicas.slots()) {
            ServiceSpec spec = slot.service();
            ServiceProcess process = new ServiceProcess(spec, slot.replica(), spec.jar(home),
                    ports.applyAsInt(slot.offset()), environment,
                    logDir.resolve(ServiceProcess.name(spec, slot.replica()) + ".log"));
            processes.computeIfAbsent(spec, s -> new ArrayList<>()).add(process);
        }
    }

    /** Fails before anything starts when a jar is missing, naming every missing one. */
    public static void requireJars(Path home) {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!spec.jar(home).toFile().isFile()) {
                missing.add(spec.jar(home).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("service jar(s) missing: " + String.join(", ", missing)
                    + "; build them with ./mvnw -q -DskipTests package -pl "
                    + "ingest-service,scenario-service,simulation-service,network-service -am");
        }
    }

    /**
     * Starts the first process of every service, waits until each one is ready (they start
     * concurrently), then does the same with the further replicas: a first replica has migrated
     * its service's schema (Flyway) before the others start, and two cores are not shared by six
     * JVMs starting at once.
     */
    public void startAll(Duration readyDeadline) {
        List<ServiceProcess> first = all().stream().filter(p -> p.replica() == 1).toList();
        List<ServiceProcess> further = all().stream().filter(p -> p.replica() > 1).toList();
        for (List<ServiceProcess> wave : List.of(first, further)) {
            wave.forEach(ServiceProcess::start);
            for (ServiceProcess p : wave) {
                p.awaitReady(http, readyDeadline);
            }
        }
    }

    /**
     * From now on a service that exits unexpectedly is reported and restarted within {@code limits}
     * (after {@link #startAll}: a service that fails its first start fails the launch instead).
     */
    public synchronized void supervise(RestartLimits limits, Duration readyDeadline,
                                       Consumer<ServiceSupervisor.GiveUp> onGiveUp) {
        if (supervisor != null) {
            throw new IllegalStateException("the services are supervised already");
        }
        supervisor = new ServiceSupervisor(limits, InstantSource.system(), http, readyDeadline, onGiveUp, all());
    }

    /** The supervisor, once {@link #supervise} was called. */
    public Optional<ServiceSupervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    /** The first process of the service. */
    public ServiceProcess get(ServiceSpec spec) {
        return processes.get(spec).get(0);
    }

    /** Every process of the service, the first first. */
    public List<ServiceProcess> replicas(ServiceSpec spec) {
        return List.copyOf(processes.get(spec));
    }

    /** The first process's URL: every replica serves the same (one shared database). */
    public String url(ServiceSpec spec) {
        return get(spec).baseUrl();
    }

    /** Every process, service by service. */
    public List<ServiceProcess> all() {
        return processes.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Stops supervising (nothing is restarted from here on), then stops every service at once (each
     * shuts down gracefully on its own; one by one takes four times as long).
     */
    @Override
    public void close() {
        ServiceSupervisor watching = supervisor;
        if (watching != null) {
            watching.close();
        }
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess p : all()) {
            Thread t = new Thread(p::stop, "stop-" + p.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
