package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.stack.TopicSetup;

/**
 * The servers deploy/container-smoke runs its containers against: the environment file must let a
 * service reach a real Kafka with the contract topics and a real PostgreSQL, and must be gone when
 * the servers stop.
 */
class StackServersTest {

    private static final int PARTITIONS = 2;

    @Test
    void theEnvironmentFileReachesKafkaWithTheContractTopicsAndPostgresAndGoesAwayOnClose(@TempDir Path dir)
            throws Exception {
        Path envFile = dir.resolve("stack/stack.env");
        StackServers.Options options = StackServers.Options.parse(
                List.of("--env-file", envFile.toString(), "--partitions", String.valueOf(PARTITIONS)));
        try (StackServers servers = StackServers.start(options)) {
            Properties env = new Properties();
            env.load(new StringReader(Files.readString(envFile)));
            assertThat(env.stringPropertyNames()).contains("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
            assertThat(env.getProperty("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(servers.stack().kafkaBootstrapServers());
            assertThat(dir.resolve("stack")).isDirectoryNotContaining("glob:**.partial");

            Map<String, Integer> wanted = TopicSetup.topics(PARTITIONS).stream()
                    .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
            try (Admin client = Admin.create(admin)) {
                Map<String, TopicDescription> topics = client.describeTopics(wanted.keySet()).allTopicNames()
                        .get(30, TimeUnit.SECONDS);
                assertThat(topics.values().stream()
                        .collect(Collectors.toMap(TopicDescription::name, t -> t.partitions().size())))
                        .isEqualTo(wanted);
            }

            try (Connection db = DriverManager.getConnection(env.getProperty("QUARKUS_DATASOURCE_JDBC_URL"),
                    env.getProperty("QUARKUS_DATASOURCE_USERNAME"), env.getProperty("QUARKUS_DATASOURCE_PASSWORD"));
                 ResultSet answer = db.createStatement().executeQuery("select 41 + 1")) {
                assertThat(answer.next()).isTrue();
                assertThat(answer.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(envFile).doesNotExist();
    }

    @Test
    void optionsNeedAnEnvironmentFileAndAPositivePartitionCount() {
        assertThatThrownBy(() -> StackServers.Options.parse(List.of("--partitions", "3")))
                .hasMessageContaining("--env-file is required");
        assertThatThrownBy(() -> StackServers.Options.parse(List.of("--env-file", "x", "--partitions", "0")))
                .hasMessageContaining("--partitions needs a positive whole number, was '0'");
        assertThatThrownBy(() -> StackServers.Options.parse(List.of("--env-file", "x", "--replica", "2")))
                .hasMessageContaining("unknown option --replica");
        assertThat(StackServers.Options.parse(List.of("--env-file", "x")).partitions())
                .isEqualTo(LauncherOptions.DEFAULT_PARTITIONS);
    }
}
