package org.rareearth.stack;

/**
 * Kafka stopped by {@link LocalStack#stopKafka()}. Closing it brings the broker back at the same
 * address with its data and waits until it is ready; closing twice is harmless. Use it with
 * try-with-resources, so that Kafka comes back even when the test fails and later tests of the
 * same JVM find it running.
 */
public interface KafkaOutage extends AutoCloseable {

    /** Starts Kafka again and waits until it is ready. */
    @Override
    void close();
}
