package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml: valid for docker-compose 1.29.2, and held to ComposeRules; each rule sees its mistake. */
class ComposeFileTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void isValidForDockerCompose() {
        Command run = ComposeFile.validate(repository);
        assertThat(run.succeeded()).as(run::describe).isTrue();
    }

    @Test
    void holdsEveryRule() {
        assertThat(problems(ComposeFile.resolved(repository))).isEmpty();
    }

    @Test
    void createsExactlyTopicSetupsTopics() {
        JsonNode job = ComposeFile.resolved(repository).path("services").path(ComposeRules.TOPIC_JOB);
        List<TopicSpec> topics = ComposeTopicJob.topics(job.path("command").get(0).asText());
        assertThat(topics).containsExactlyInAnyOrderElementsOf(TopicSpec.fromTopicSetup(6));
    }

    @Test
    void keepsTheDatabasePasswordOutOfTheRepository() throws IOException {
        String compose = Files.readString(repository.composeFile());
        assertThat(compose).doesNotContain("change-me");
        assertThat(compose.lines().filter(l -> l.contains("PASSWORD:")))
                .allSatisfy(l -> assertThat(l).contains("${POSTGRES_PASSWORD:?"));
        assertThat(Files.readAllLines(repository.resolve(".gitignore"))).contains(".env");
        // without .env (or its variables) docker-compose refuses to start rather than use a default
        Path empty = Files.createTempFile("compose", ".env");
        Command run = Command.run(repository.root(), List.of(DeployTool.DOCKER_COMPOSE.require(repository).toString(),
                "--project-directory", repository.root().toString(), "--file", repository.composeFile().toString(),
                "--env-file", empty.toString(), "config", "-q"));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stderr()).contains("POSTGRES_PASSWORD");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("a fixed host port on a scaled service", c -> ports(c, "simulation-service").set(0,
                        TextNode.valueOf("127.0.0.1:8083:8083/tcp")), "simulation-service: fixed host port 8083"),
                mistake("a container name", c -> service(c, "network-service").put("container_name", "network"),
                        "network-service: container_name"),
                mistake("a misspelt variable", c -> ((ObjectNode) service(c, "ingest-service").path("environment"))
                        .put("RAREEARTH_INGEST_BOOTSTRAP_DIRECTORY", "/data"),
                        "ingest-service: RAREEARTH_INGEST_BOOTSTRAP_DIRECTORY is not a property ingest-service reads"),
                mistake("a topic with other partitions", c -> {
                    ArrayNode command = (ArrayNode) service(c, ComposeRules.TOPIC_JOB).path("command");
                    command.set(0, TextNode.valueOf(command.get(0).asText()
                            .replace("--topic simulation.results --partitions 6", "--topic simulation.results --partitions 3")));
                }, "kafka-topics: topic simulation.results is"),
                mistake("a topic left out", c -> {
                    ArrayNode command = (ArrayNode) service(c, ComposeRules.TOPIC_JOB).path("command");
                    command.set(0, TextNode.valueOf(command.get(0).asText().lines()
                            .filter(l -> !l.contains("--topic dataset.current ")).reduce("", (a, b) -> a + b + "\n")));
                }, "kafka-topics: topic dataset.current is missing"),
                mistake("a service started before the topics", c -> ((ObjectNode) service(c, "scenario-service").path("depends_on"))
                        .remove(ComposeRules.TOPIC_JOB), "scenario-service: must start after kafka-topics completed"),
                mistake("a healthcheck on the wrong port", c -> {
                    ArrayNode test = (ArrayNode) service(c, "network-service").path("healthcheck").path("test");
                    test.set(3, TextNode.valueOf(test.get(3).asText().replace("/8084 ", "/8080 ")));
                }, "network-service: healthcheck must ask /q/health/ready on port 8084"),
                mistake("no memory limit", c -> service(c, "simulation-service").remove("mem_limit"),
                        "simulation-service: needs a memory limit"),
                mistake("another image", c -> service(c, "scenario-service").put("image", "rare-earth/scenario:latest"),
                        "scenario-service: image rare-earth/scenario:latest, the build produces"),
                mistake("a Kafka image of another version", c -> service(c, ComposeRules.KAFKA).put("image", "apache/kafka:latest"),
                        "kafka: image apache/kafka:latest"),
                mistake("PostgreSQL not pinned", c -> service(c, ComposeRules.POSTGRES).put("image", "postgres:16-alpine"),
                        "postgres: image postgres:16-alpine must be the official postgres image, pinned"),
                mistake("no demo data", c -> service(c, "ingest-service").remove("volumes"),
                        "ingest-service: the demo data"),
                mistake("a misspelt broker variable", c -> ((ObjectNode) service(c, ComposeRules.KAFKA).path("environment"))
                        .put("KAFKA_AUTO_CREATE_TOPIC_ENABLE", "false"), "kafka: auto.create.topic.enable is not a Kafka broker setting"),
                mistake("capabilities kept", c -> service(c, "network-service").remove("cap_drop"),
                        "network-service: cap_drop must hold ALL"),
                mistake("a writable root", c -> service(c, "scenario-service").put("read_only", false),
                        "scenario-service: read_only must be true"));
    }

    private static Arguments mistake(String what, Consumer<ObjectNode> breakIt, String expected) {
        return Arguments.of(what, breakIt, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void isReported(String what, Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode config = (ObjectNode) ComposeFile.resolved(repository);
        breakIt.accept(config);
        assertThat(problems(config)).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private List<String> problems(JsonNode config) {
        return ComposeRules.problems(config, Overlays.services(repository), SystemImages.fromBuild(), AppInfoParser.getVersion());
    }

    private static ObjectNode service(ObjectNode config, String name) {
        return (ObjectNode) config.path("services").path(name);
    }

    private static ArrayNode ports(ObjectNode config, String name) {
        return (ArrayNode) service(config, name).path("ports");
    }
}
