package org.rareearth.launcher;

import java.time.Duration;

/**
 * How often the launcher restarts a service that died: at most {@code maxRestarts} restarts of one
 * service within any {@code window}; the first restart waits {@code firstBackoff}, each further one
 * within the window twice as long as the one before, never longer than {@link #MAX_BACKOFF}.
 * {@code maxRestarts = 0} never restarts (the first unexpected exit gives up).
 */
public record RestartLimits(int maxRestarts, Duration window, Duration firstBackoff) {

    /** Three restarts within ten minutes: a service that keeps dying is broken, not unlucky. */
    public static final int DEFAULT_MAX_RESTARTS = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** A crashed JVM frees its port at once; a short pause lets a dying broker connection settle. */
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    /** Doubling stops here, so a large {@code maxRestarts} never waits minutes between attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    public static final RestartLimits DEFAULT = new RestartLimits(DEFAULT_MAX_RESTARTS, DEFAULT_WINDOW,
            DEFAULT_FIRST_BACKOFF);

    public RestartLimits {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must be >= 0, was " + maxRestarts);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("restart window must be positive, was " + window);
        }
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException("restart backoff must be >= 0, was " + firstBackoff);
        }
    }

    /** The wait before the {@code attempt}-th restart within the window (1 = the first). */
    public Duration backoff(int attempt) {
        Duration wait = firstBackoff;
        for (int i = 1; i < attempt && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** "3 restarts within 10 min" for log lines and messages. */
    public String describe() {
        return maxRestarts + " restart" + (maxRestarts == 1 ? "" : "s") + " within " + human(window);
    }

    static String human(Duration d) {
        if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
