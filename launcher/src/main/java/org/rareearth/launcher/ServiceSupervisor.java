package org.rareearth.launcher;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Watches the service processes as a supervisor would: an exit that the launcher did not ask for is
 * logged (service, exit code, log file), and the service is started again on the same port with the
 * same environment, after a backoff, within the {@link RestartLimits} of its {@link RestartPolicy}.
 * Each replica of a service is a process of its own here, with its own port, log and bound.
 * When the bound is reached it logs why and tells {@code onGiveUp}; what happens then is the
 * caller's choice ({@code ./rare-earth-stack} stops everything and exits with
 * {@link StackLauncher#EXIT_SERVICE_FAILED}). Exits are noticed through {@code Process.onExit()},
 * not by polling; the backoff is a scheduled task, not a sleep.
 */
public final class ServiceSupervisor implements AutoCloseable {

    static final Logger LOG = Logger.getLogger(ServiceSupervisor.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** A JVM killed by signal N exits with 128 + N on Linux. */
    private static final int SIGNAL_EXIT_BASE = 128;

    /**
     * Why the supervisor stopped restarting a service; {@code process} names the replica
     * ({@code simulation-service-2}).
     */
    public record GiveUp(ServiceSpec service, String process, String lastFailure, int restarts, Duration window,
                         String message) {
    }

    /** One bound per process: a replica that keeps dying does not use up another replica's restarts. */
    private final Map<ServiceProcess, RestartPolicy> policies = new LinkedHashMap<>();
    private final RestartLimits limits;
    private final HttpClient http;
    private final Duration readyDeadline;
    private final Consumer<GiveUp> onGiveUp;
    /** One thread per service: a restart waiting for readiness must not delay another service's. */
    private final ScheduledExecutorService restarts;
    private volatile boolean closed;

    /**
     * @param readyDeadline how long a restarted service may take to answer {@code /q/health/ready}
     * @param onGiveUp      told (once per service) when a service exceeded its restart bound
     */
    public ServiceSupervisor(RestartLimits limits, InstantSource clock, HttpClient http, Duration readyDeadline,
                             Consumer<GiveUp> onGiveUp, List<ServiceProcess> services) {
        this.limits = limits;
        this.http = http;
        this.readyDeadline = readyDeadline;
        this.onGiveUp = onGiveUp;
        for (ServiceProcess service : services) {
            policies.put(service, new RestartPolicy(limits, clock));
        }
        this.restarts = Executors.newScheduledThreadPool(Math.max(1, services.size()), r -> {
            Thread t = new Thread(r, "service-supervisor");
            t.setDaemon(true);
            return t;
        });
        for (ServiceProcess service : services) {
            service.onUnexpectedExit(this::exited);
        }
    }

    public RestartLimits limits() {
        return limits;
    }

    private void exited(ServiceProcess service, int exitCode) {
        if (closed) {
            return;
        }
        String failure = "exit code " + exitCode + describeSignal(exitCode);
        LOG.warning(() -> service.name() + " exited unexpectedly with " + failure + " (port " + service.port()
                + "); its log: " + service.log().toAbsolutePath());
        decide(service, failure);
    }

    /** @param failure what went wrong this time ("exit code 137, killed by signal 9", "could not be started: ...") */
    private void decide(ServiceProcess service, String failure) {
        RestartPolicy.Decision decision = policies.get(service).onFailure();
        if (decision instanceof RestartPolicy.Restart r) {
            LOG.info(() -> "restarting " + service.name() + " on port " + service.port() + " in "
                    + RestartLimits.human(r.backoff()) + " (restart " + r.attempt() + "; at most "
                    + limits.describe() + ")");
            try {
                restarts.schedule(() -> restart(service), r.backoff().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closed meanwhile: the launcher is stopping, nothing to restart
            }
        } else if (decision instanceof RestartPolicy.GiveUp g) {
            String message = "giving up on " + service.name() + ": it failed again (" + failure + ") after "
                    + g.restarts() + " restart"
                    + (g.restarts() == 1 ? "" : "s") + " within " + RestartLimits.human(g.window())
                    + " (the limit is " + limits.describe() + "); its log: " + service.log().toAbsolutePath();
            LOG.severe(message);
            onGiveUp.accept(new GiveUp(service.spec(), service.name(), failure, g.restarts(), g.window(), message));
        }
    }

    private void restart(ServiceProcess service) {
        if (closed) {
            return;
        }
        try {
            if (!service.startUnlessRunning()) {
                LOG.info(() -> service.name() + " was started again meanwhile (pid " + service.pid() + ")");
            }
        } catch (RuntimeException e) {
            // no process, so no exit to wait for: the failed start counts as the next failure
            String failure = "could not be started: " + e.getMessage();
            LOG.warning(() -> service.name() + " " + failure);
            decide(service, failure);
            return;
        }
        long pid = service.pid();
        try {
            service.awaitReady(http, readyDeadline);
            LOG.info(() -> service.name() + " is ready again on port " + service.port() + " (pid " + pid + ")");
        } catch (IllegalStateException e) {
            if (closed) {
                return;
            }
            if (service.isAlive() && service.pid() == pid) {
                // running but never ready: kill it, so that its exit counts against the bound
                LOG.warning(() -> e.getMessage() + "; killing it");
                service.kill();
            }
            // a run that ended before it was ready was reported by its exit, which counted
        }
    }

    /** Stops supervising: nothing is restarted after this returns (services are stopped by the fleet). */
    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
        try {
            restarts.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describeSignal(int exitCode) {
        return exitCode > SIGNAL_EXIT_BASE && exitCode < SIGNAL_EXIT_BASE + 65
                ? ", killed by signal " + (exitCode - SIGNAL_EXIT_BASE) : "";
    }
}
