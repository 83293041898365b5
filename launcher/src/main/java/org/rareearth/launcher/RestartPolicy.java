package org.rareearth.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether one service may be restarted after it died, by {@link RestartLimits}: a sliding window of
 * the restarts granted so far (as an Erlang/OTP supervisor's restart intensity, or systemd's
 * {@code StartLimitBurst} within {@code StartLimitIntervalSec}). The clock is injected so the rule is
 * tested without waiting.
 */
public final class RestartPolicy {

    /** What to do about an unexpected exit. */
    public sealed interface Decision permits Restart, GiveUp {
    }

    /** Restart after {@code backoff}; this is restart number {@code attempt} within the window. */
    public record Restart(int attempt, Duration backoff) implements Decision {
    }

    /** The bound is reached: {@code restarts} restarts were already granted within the window. */
    public record GiveUp(int restarts, Duration window) implements Decision {
    }

    private final RestartLimits limits;
    private final InstantSource clock;
    private final Deque<Instant> granted = new ArrayDeque<>();

    public RestartPolicy(RestartLimits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public RestartLimits limits() {
        return limits;
    }

    /** Called once per unexpected exit (or failed restart); a granted restart counts from now. */
    public synchronized Decision onFailure() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(limits.window());
        while (!granted.isEmpty() && !granted.peekFirst().isAfter(windowStart)) {
            granted.removeFirst();
        }
        if (granted.size() >= limits.maxRestarts()) {
            return new GiveUp(granted.size(), limits.window());
        }
        granted.addLast(now);
        return new Restart(granted.size(), limits.backoff(granted.size()));
    }
}
