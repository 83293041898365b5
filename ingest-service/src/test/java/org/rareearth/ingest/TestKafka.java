package org.rareearth.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rareearth.stack.LocalStackResource;

/** A plain KafkaConsumer on the test JVM's broker: what the other services would read. */
public final class TestKafka {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private TestKafka() {
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrapServers());
        // a unique group per read: every test sees the whole topic, independently of the others
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        return new KafkaConsumer<>(p);
    }

    /**
     * Every record of {@code topic} written up to now that matches: reads from the beginning up to
     * the end offsets taken when the call starts.
     */
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
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
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
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(DEADLINE).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }
}
