package org.rareearth.stack;

import com.github.dockerjava.api.DockerClient;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka (KRaft) and PostgreSQL in Docker containers, started by Testcontainers. */
final class ContainerStack implements LocalStack {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerStack(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ContainerStack start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE));
        kafka.start();
        postgres.start();
        return new ContainerStack(kafka, postgres);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String dbUser() {
        return postgres.getUsername();
    }

    @Override
    public String dbPassword() {
        return postgres.getPassword();
    }

    @Override
    public String mode() {
        return CONTAINERS;
    }

    /** Pauses the Kafka container (the broker stops answering, its port stays mapped); the outage resumes it. */
    @Override
    public KafkaOutage stopKafka() {
        Runnable resume = pause(kafka.getContainerId());
        return resume::run;
    }

    /** Pauses the PostgreSQL container, like {@link #stopKafka()}. */
    @Override
    public DatabaseOutage stopDatabase() {
        Runnable resume = pause(postgres.getContainerId());
        return resume::run;
    }

    /** Pauses container {@code id}; the returned action unpauses it, once however often it is called. */
    private static Runnable pause(String id) {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(id).exec();
        AtomicBoolean over = new AtomicBoolean();
        return () -> {
            if (over.compareAndSet(false, true)) {
                docker.unpauseContainerCmd(id).exec();
            }
        };
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
