package org.rareearth.network.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.rareearth.stack.LocalStackResource;

/**
 * Plain Kafka clients on the test stack's broker: what another service (or a dashboard) sees.
 * A reader has its own consumer group and reads its topic from the beginning, so a test filters
 * the records by its own unique ids.
 */
final class KafkaTestClient {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int SEND_TIMEOUT_S = 30;

    private KafkaTestClient() {
    }

    static void send(String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "10485760");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** A reader of one topic from its beginning; close it after the test. */
    static final class Reader implements AutoCloseable {

        private static final Duration POLL = Duration.ofMillis(200);

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "10485760");
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
        }

        /** Every record read so far that matches, after one more poll. */
        List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
            consumer.poll(POLL).forEach(seen::add);
            return seen.stream().filter(filter).toList();
        }

        /** Waits (with a deadline) until at least {@code count} matching records arrived; returns them. */
        List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int count) {
            Awaitility.await().atMost(DEADLINE).until(() -> matching(filter).size() >= count);
            return matching(filter);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
