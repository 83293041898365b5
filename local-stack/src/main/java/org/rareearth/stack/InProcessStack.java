package org.rareearth.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/** Kafka (one combined KRaft node) and PostgreSQL running inside this JVM, on free ports. */
final class InProcessStack implements LocalStack {

    /**
     * A single node can only keep one replica of the internal topics; without these settings
     * consumers never join their group (BUILD-NOTES.md).
     */
    static final Map<String, String> SINGLE_NODE_BROKER = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true",
            "num.partitions", "1",
            // results of a whole scenario year, and the largest scenario request (at most 4 MiB,
            // scenario-service's max.request.size), fit comfortably below this
            "message.max.bytes", TopicSetup.MAX_MESSAGE_BYTES);

    private final KafkaClusterTestKit kafka;
    private final EmbeddedPostgres postgres;
    /** The broker shutdown in progress, if any (guarded by this). */
    private Outage outage;

    private InProcessStack(KafkaClusterTestKit kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static InProcessStack start() {
        // The test kit registers JVM shutdown hooks that delete the broker's directories. They run
        // concurrently with our own stop, so a still-running broker could see its log directory
        // vanish and halt the JVM with exit code 1 (a test run then fails after every test passed).
        // close() stops the broker first and then deletes the same directories itself.
        Exit.setShutdownHookAdder((name, hook) -> { });
        KafkaClusterTestKit kafka = null;
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
            SINGLE_NODE_BROKER.forEach(builder::setConfigProp);
            kafka = builder.build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new InProcessStack(kafka, postgres);
        } catch (IOException e) {
            closeQuietly(kafka);
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (Exception e) {
            closeQuietly(kafka);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("in-process Kafka did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String dbUser() {
        return "postgres";
    }

    @Override
    public String dbPassword() {
        return "postgres";
    }

    @Override
    public String mode() {
        return IN_PROCESS;
    }

    /**
     * Shuts the broker down; the outage starts it again on the same port: the test kit's socket
     * factory re-binds the port a restarted broker had (the controller keeps running).
     */
    @Override
    public synchronized KafkaOutage stopKafka() {
        if (outage != null) {
            throw new IllegalStateException("Kafka is already stopped: close the running outage first");
        }
        BrokerServer broker = kafka.brokers().values().iterator().next();
        broker.shutdown();
        outage = new Outage(broker);
        return outage;
    }

    /** One broker shutdown; closing restarts the broker once. */
    private final class Outage implements KafkaOutage {

        private final BrokerServer broker;
        private boolean over;

        Outage(BrokerServer broker) {
            this.broker = broker;
        }

        @Override
        public void close() {
            synchronized (InProcessStack.this) {
                if (over) {
                    return;
                }
                over = true;
                outage = null;
                broker.startup();
                try {
                    kafka.waitForReadyBrokers();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while Kafka restarted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("in-process Kafka did not become ready again: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kafka) {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                // stopping a half-started broker: nothing more to do
            }
        }
    }
}
