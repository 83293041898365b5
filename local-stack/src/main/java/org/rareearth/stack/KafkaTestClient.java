package org.rareearth.stack;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rareearth.shared.events.SchemaVersioned;
import org.rareearth.shared.events.Topic;

/**
 * The services' tests' one Kafka client on the test JVM's broker ({@link LocalStackResource#kafkaBootstrapServers()}):
 * what another service (or a dashboard) would send and read. Every read has a consumer group of its
 * own and starts at the beginning of the topic, so a test filters the records by its own unique ids;
 * every wait has a deadline ({@link #DEADLINE}).
 */
public final class KafkaTestClient {

    public static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Records up to the broker's limit (TopicSetup.MAX_MESSAGE_BYTES): the largest results and requests. */
    private static final int MAX_BYTES = Integer.parseInt(TopicSetup.MAX_MESSAGE_BYTES);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long SEND_TIMEOUT_S = 30;

    private static KafkaProducer<String, String> producer;
    private static String producerServers;

    private KafkaTestClient() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        String servers = LocalStackResource.kafkaBootstrapServers();
        if (producer == null || !servers.equals(producerServers)) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BYTES);
            producer = new KafkaProducer<>(p);
            producerServers = servers;
        }
        return producer;
    }

    /** Sends one record (a null value is a tombstone) and waits for the broker's ack. */
    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends an event as JSON ({@code EventCodec}). */
    public static void send(String topic, String key, SchemaVersioned event) {
        send(topic, key, org.rareearth.shared.events.EventCodec.encode(event));
    }

    /** Sends an event of {@code topic}, encoded as the topic encodes it. */
    public static <V extends SchemaVersioned> void send(Topic<String, V> topic, String key, V event) {
        send(topic.name(), key, topic.encode(event));
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_BYTES);
        // a topic created meanwhile (a dead-letter topic) is seen within half a second
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        return new KafkaConsumer<>(p);
    }

    /** Every record of {@code topic} from its beginning to its end when the call starts. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, r -> true);
    }

    /** Every record of {@code topic} written up to now that matches. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(DEADLINE).pollInSameThread().until(() -> {
                partitions.clear();
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(DEADLINE).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && match.test(r)) {
                        found.add(r);
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return found;
    }

    /** Waits until {@code count} matching records are on {@code topic}; returns them. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, int count,
                                                                    Predicate<ConsumerRecord<String, String>> match) {
        try (Reader reader = new Reader(topic)) {
            return reader.await(match, count);
        }
    }

    /** Waits until a record on {@code topic} matches; returns the first. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecords(topic, 1, match).get(0);
    }

    /** The text of the last header {@code name} of {@code record}, null when it has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A reader of one topic from its beginning that keeps what it read; close it after the test. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public Reader(String topic) {
            consumer = consumer();
            consumer.subscribe(List.of(topic));
        }

        /** Every record read so far that matches, after one more poll. */
        public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
            consumer.poll(POLL).forEach(seen::add);
            return seen.stream().filter(filter).toList();
        }

        /** Waits (with a deadline) until at least {@code count} matching records arrived; returns them. */
        public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int count) {
            org.awaitility.Awaitility.await().atMost(DEADLINE).pollInSameThread().pollInterval(Duration.ofMillis(20))
                    .until(() -> matching(filter).size() >= count);
            return seen.stream().filter(filter).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
