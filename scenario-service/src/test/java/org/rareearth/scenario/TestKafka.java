package org.rareearth.scenario;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.SchemaVersioned;
import org.rareearth.stack.LocalStackResource;

/** Plain Kafka clients against the test JVM's broker: what the other services would send and read. */
public final class TestKafka {

    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Sends and waits for the broker's ack. */
    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    public static void send(String topic, String key, SchemaVersioned event) {
        send(topic, key, EventCodec.encode(event));
    }

    /** Reads {@code topic} from the beginning until a record matches, within 60 s. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.stack().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (match.test(r)) {
                        found.add(r);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
