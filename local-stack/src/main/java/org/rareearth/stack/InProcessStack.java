package org.rareearth.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
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
    /** The data directory, kept across a {@link #stopDatabase()} and deleted at {@link #close()}. */
    private final Path postgresData;
    private final int postgresPort;
    /** The running server; null while stopped by {@link #stopDatabase()} (guarded by this). */
    private EmbeddedPostgres postgres;
    /** The broker shutdown in progress, if any (guarded by this). */
    private Outage outage;

    private InProcessStack(KafkaClusterTestKit kafka, EmbeddedPostgres postgres, Path postgresData) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.postgresData = postgresData;
        this.postgresPort = postgres.getPort();
    }

    /** A server on {@code dir}: initialised there on first start, started on the same data after that. */
    private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
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
            Path data = Files.createTempDirectory("rare-earth-postgres");
            return new InProcessStack(kafka, startPostgres(data, 0), data);
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
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
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

    /** Stops PostgreSQL; the outage starts it again on the same port and data directory. */
    @Override
    public synchronized DatabaseOutage stopDatabase() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is already stopped: close the running outage first");
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
        postgres = null;
        AtomicBoolean over = new AtomicBoolean();
        return () -> {
            synchronized (InProcessStack.this) {
                if (over.compareAndSet(false, true)) {
                    try {
                        postgres = startPostgres(postgresData, postgresPort);
                    } catch (IOException e) {
                        throw new UncheckedIOException("embedded PostgreSQL did not start again", e);
                    }
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        closeQuietly(kafka);
        try {
            if (postgres != null) {
                postgres.close();
            }
            deleteTree(postgresData);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
