package org.rareearth.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.SchemaVersioned;

/**
 * Reads one topic from its beginning with a plain KafkaConsumer on a background thread and keeps
 * every record with the moment it arrived here. No consumer group: it assigns every partition
 * itself, so it neither commits offsets nor disturbs the services' groups.
 */
public final class TopicRecorder implements AutoCloseable {

    /** A record as received, {@code arrivedNanos} on this JVM's {@link System#nanoTime()} clock. */
    public record Arrival(String key, String value, int partition, long offset, long arrivedNanos) {

        public <T extends SchemaVersioned> T decode(Class<T> type) {
            return EventCodec.decode(value, type);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "10485760");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "52428800");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " has no partitions (was it created?)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::poll, "record-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    long now = System.nanoTime();
                    synchronized (arrivals) {
                        arrivals.add(new Arrival(r.key(), r.value(), r.partition(), r.offset(), now));
                        arrivals.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /**
     * The records after the first {@code seen}, waiting up to {@code timeout} for at least one
     * (an empty list when none came): lets a caller follow the topic without polling it.
     */
    public List<Arrival> awaitAfter(int seen, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (arrivals.size() <= seen) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                try {
                    arrivals.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            return List.copyOf(arrivals.subList(seen, arrivals.size()));
        }
    }

    public List<Arrival> arrivals(Predicate<Arrival> filter) {
        return arrivals().stream().filter(filter).toList();
    }

    /** Every record decoded as {@code type} (records of another shape are skipped). */
    public <T extends SchemaVersioned> List<T> events(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Arrival a : arrivals()) {
            try {
                out.add(a.decode(type));
            } catch (RuntimeException e) {
                // not ours to judge here; the services dead-letter unreadable records
            }
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
