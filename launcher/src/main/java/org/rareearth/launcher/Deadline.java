package org.rareearth.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls a condition until it yields a value or a deadline passes. The launcher is not a test, so
 * it does not depend on Awaitility; the pause between polls is a wait on a monitor, not a sleep of
 * the logic it guards.
 */
public final class Deadline {

    private Deadline() {
    }

    public static <T> T await(String what, Duration deadline, Duration every, Supplier<Optional<T>> condition) {
        Instant end = Instant.now().plus(deadline);
        Object monitor = new Object();
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException(what + ": not done within " + deadline.toSeconds() + " s");
            }
            synchronized (monitor) {
                try {
                    monitor.wait(every.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting: " + what, e);
                }
            }
        }
    }
}
