package org.rareearth.stack;

/**
 * PostgreSQL stopped by {@link LocalStack#stopDatabase()}. Closing it brings the server back at the
 * same address with its data and waits until it accepts connections; closing twice is harmless.
 * Use it with try-with-resources, so that the database comes back even when the test fails.
 */
public interface DatabaseOutage extends AutoCloseable {

    /** Starts PostgreSQL again and waits until it accepts connections. */
    @Override
    void close();
}
