package org.rareearth.kit.http;

/**
 * One client's allowance of expensive calls (a token bucket): {@code burst} calls back to back,
 * then {@code perMinute} a minute. Times are {@link System#nanoTime()} values.
 */
final class ClientBucket {

    private static final double NANOS_PER_MINUTE = 60e9;
    private static final double NANOS_PER_SECOND = 1e9;

    private final int burst;
    private final double tokensPerNano;
    private double tokens;
    private long updated;

    ClientBucket(int burst, int perMinute, long now) {
        this.burst = burst;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.tokens = burst;
        this.updated = now;
    }

    /** Takes one call; 0 when it may go ahead, else the whole seconds until it may. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        if (tokensPerNano <= 0) {
            return Long.MAX_VALUE / (long) NANOS_PER_SECOND;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / NANOS_PER_SECOND));
    }

    /** Whether the bucket is full again: the client is then as good as new and may be forgotten. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - updated) * tokensPerNano);
        updated = now;
    }
}
