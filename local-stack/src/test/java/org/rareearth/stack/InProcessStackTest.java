package org.rareearth.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process stack is a real Kafka and a real PostgreSQL: a record goes round, SQL runs, and
 * the broker can be taken down and brought back at the same address.
 */
class InProcessStackTest {

    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = InProcessStack.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aRecordProducedIsConsumed() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack.check", "k", "hello")).get();
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", stack.kafkaBootstrapServers());
        c.put("group.id", "stack-check");
        c.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("stack.check"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String value = null;
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    value = records.iterator().next().value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void postgresAnswersSql() throws Exception {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
             ResultSet rs = db.createStatement().executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
        assertThat(stack.mode()).isEqualTo(LocalStack.IN_PROCESS);
    }

    @Test
    void servicesGetTheStackAsQuarkusPropertiesAndEnvironment() {
        Map<String, String> env = ServiceConfig.asEnvironment(stack);
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers())
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl())
                .containsEntry("QUARKUS_DEVSERVICES_ENABLED", "false");
    }

    @Test
    void aStoppedBrokerRefusesConnectionsAndComesBackOnTheSamePortWithItsData() throws Exception {
        String address = stack.kafkaBootstrapServers();
        Properties p = new Properties();
        p.put("bootstrap.servers", address);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack.outage", "k", "before")).get();
        }
        HostAndPort broker = HostAndPort.of(address);

        try (KafkaOutage outage = stack.stopKafka()) {
            assertThatThrownBy(broker::connect).isInstanceOf(ConnectException.class);
            assertThatThrownBy(stack::stopKafka).isInstanceOf(IllegalStateException.class);
        }

        assertThat(stack.kafkaBootstrapServers()).isEqualTo(address);
        broker.connect();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack.outage", "k", "after")).get(30, TimeUnit.SECONDS);
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", address);
        c.put("group.id", "stack-outage");
        c.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("stack.outage"));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
                return values.size() >= 2;
            });
        }
        assertThat(values).containsExactly("before", "after");
    }

    /** The broker's listener, as a plain TCP endpoint. */
    private record HostAndPort(String host, int port) {

        static HostAndPort of(String bootstrapServers) {
            String first = bootstrapServers.split(",")[0];
            int colon = first.lastIndexOf(':');
            return new HostAndPort(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
        }

        void connect() throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
            }
        }
    }
}
