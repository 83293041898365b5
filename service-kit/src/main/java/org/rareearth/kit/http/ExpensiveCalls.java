package org.rareearth.kit.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps one client from starving the others on the expensive operations (posting scenarios and
 * events, uploading data sets): each client ({@link #client}) has its own allowance
 * ({@code rareearth.limits.client-burst}, {@code client-per-minute}) and the service runs at most
 * {@code rareearth.limits.max-concurrent} such calls at once. A refused call answers 429 with
 * Retry-After.
 */
@ApplicationScoped
public class ExpensiveCalls {

    /** Clients remembered before the ones whose allowance is full again are forgotten. */
    private static final int CLIENTS_KEPT = 10_000;
    /** Retry-After when every slot is taken: a slot frees when a running call ends. */
    private static final long BUSY_RETRY_SECONDS = 1;

    @Inject
    EdgeLimits limits;

    private final Map<String, ClientBucket> buckets = new ConcurrentHashMap<>();
    private volatile Semaphore running;

    /** A running expensive call; closing it frees its slot. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Admits one expensive call of {@code client} or refuses it.
     *
     * @throws TooManyRequestsException the client spent its allowance, or every slot is taken (429)
     */
    public Slot enter(String client, String operation) {
        long now = System.nanoTime();
        if (buckets.size() > CLIENTS_KEPT) {
            buckets.values().removeIf(b -> b.full(now));
        }
        long wait = buckets.computeIfAbsent(client, c -> new ClientBucket(limits.clientBurst(), limits.clientPerMinute(), now))
                .take(now);
        if (wait > 0) {
            throw new TooManyRequestsException(operation + ": this client made more than " + limits.clientBurst()
                    + " such calls in a short time (rareearth.limits.client-burst, " + limits.clientPerMinute()
                    + " a minute after that: rareearth.limits.client-per-minute); retry in " + wait + " s", wait);
        }
        Semaphore slots = slots();
        if (!slots.tryAcquire()) {
            throw new TooManyRequestsException(operation + ": the service is running " + limits.maxConcurrent()
                    + " such calls already (rareearth.limits.max-concurrent); retry shortly", BUSY_RETRY_SECONDS);
        }
        return slots::release;
    }

    /**
     * Who is calling: the authenticated principal's name when there is one, else the remote address
     * (the HTTP layer's, which honours forwarding headers only where quarkus.http.proxy.* says so).
     */
    public static String client(SecurityContext security, HttpServerRequest request) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
            return "principal:" + principal.getName();
        }
        return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private Semaphore slots() {
        Semaphore s = running;
        if (s == null) {
            synchronized (this) {
                if (running == null) {
                    running = new Semaphore(limits.maxConcurrent());
                }
                s = running;
            }
        }
        return s;
    }
}
