package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule sees what it is there for: the real rendered overlay with one thing broken must give
 * exactly that problem (a check that a mistake would pass is no check).
 */
class OverlayRulesTest {

    private final Repository repository = Repository.fromBuild();

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("readiness on the wrong path", Environment.DEV,
                        d -> ((ObjectNode) d.container("ingest-service").path("readinessProbe").path("httpGet")).put("path", "/q/health"),
                        "Deployment ingest-service: readinessProbe asks /q/health, the service serves /q/health/ready"),
                mistake("a port the service does not serve", Environment.DEV, d -> {
                    ObjectNode container = d.container("simulation-service");
                    ((ObjectNode) container.path("ports").get(0)).put("containerPort", 8080);
                }, "Deployment simulation-service: no containerPort 8083"),
                mistake("no startup probe", Environment.PROD, d -> d.container("network-service").remove("startupProbe"),
                        "Deployment network-service: no startupProbe"),
                mistake("a writable root filesystem", Environment.DEV,
                        d -> ((ObjectNode) d.container("network-service").path("securityContext")).put("readOnlyRootFilesystem", false),
                        "Deployment network-service: readOnlyRootFilesystem must be true"),
                mistake("capabilities kept", Environment.DEV,
                        d -> ((ObjectNode) d.container("scenario-service").path("securityContext")).remove("capabilities"),
                        "Deployment scenario-service: capabilities must drop ALL"),
                mistake("no memory limit", Environment.PROD,
                        d -> ((ObjectNode) d.container("simulation-service").path("resources")).remove("limits"),
                        "Deployment simulation-service: needs a memory limit"),
                mistake("a misspelt variable in a ConfigMap", Environment.DEV, d -> {
                    ObjectNode data = (ObjectNode) d.get("ConfigMap", "network-service-config").path("data");
                    data.set("RAREEARTH_NETWORK_TRESHOLD", data.remove("RAREEARTH_NETWORK_THRESHOLD"));
                }, "RAREEARTH_NETWORK_TRESHOLD is not a property network-service reads"),
                mistake("another service's variable", Environment.DEV, d -> ((ArrayNode) d.container("scenario-service").path("env"))
                                .addObject().put("name", "RAREEARTH_INGEST_BOOTSTRAP_DIR").put("value", "/data"),
                        "Deployment scenario-service: RAREEARTH_INGEST_BOOTSTRAP_DIR is not a property scenario-service reads"),
                mistake("a password as a value", Environment.DEV, d -> {
                    ObjectNode password = d.env("ingest-service", "QUARKUS_DATASOURCE_PASSWORD");
                    password.remove("valueFrom");
                    password.put("value", "secret");
                }, "QUARKUS_DATASOURCE_PASSWORD must come from a Secret"),
                mistake("a token in a ConfigMap", Environment.PROD, d -> ((ObjectNode) d.get("ConfigMap", "rare-earth-common")
                                .path("data")).put("RAREEARTH_API_TOKEN", "abc"),
                        "ConfigMap rare-earth-common-"),
                mistake("a JAAS line as a value", Environment.PROD, d -> {
                    ObjectNode jaas = d.env("network-service", "KAFKA_SASL_JAAS_CONFIG");
                    jaas.remove("valueFrom");
                    jaas.put("value", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"b\";");
                }, "Deployment network-service: KAFKA_SASL_JAAS_CONFIG must come from a Secret"),
                mistake("a JAAS line in a ConfigMap under an innocent name", Environment.DEV, d -> ((ObjectNode) d.get("ConfigMap",
                                "scenario-service-config").path("data")).put("RAREEARTH_SCENARIO_PUBLISH_TIMEOUT",
                                "ScramLoginModule required username=\"a\" password=\"b\";"),
                        "the value of RAREEARTH_SCENARIO_PUBLISH_TIMEOUT looks like a credential"),
                mistake("a profile the service does not have", Environment.PROD, d -> d.env("ingest-service", "QUARKUS_PROFILE")
                                .put("value", "prod,kafka-sasl"),
                        "Deployment ingest-service: QUARKUS_PROFILE names the profile kafka-sasl"),
                mistake("Kafka without authentication in prod", Environment.PROD, d -> ((ObjectNode) d.get("Kafka", "rare-earth-kafka")
                                .path("spec").path("kafka").path("listeners").get(0)).remove("authentication"),
                        "Kafka listener scram (9092): must authenticate its clients"),
                mistake("Kafka without authorization in prod", Environment.PROD, d -> ((ObjectNode) d.get("Kafka", "rare-earth-kafka")
                        .path("spec").path("kafka")).remove("authorization"), "Kafka: authorization must be simple"),
                mistake("a service without its Kafka user", Environment.PROD, d -> d.remove("KafkaUser", "network-service"),
                        "no KafkaUser network-service"),
                mistake("another service's Kafka credentials", Environment.PROD, d -> ((ObjectNode) d.env("simulation-service",
                                "KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef")).put("name", "scenario-service"),
                        "Deployment simulation-service: KAFKA_SASL_JAAS_CONFIG must come from key sasl.jaas.config of the Secret "
                                + "of its own KafkaUser simulation-service, comes from scenario-service/sasl.jaas.config"),
                mistake("the Kafka profile off", Environment.PROD, d -> d.env("scenario-service", "QUARKUS_PROFILE")
                                .put("value", "prod"),
                        "Deployment scenario-service: QUARKUS_PROFILE must name the profile kafka-auth"),
                mistake("no cluster CA", Environment.PROD_KEDA, d -> d.removeVolume("ingest-service", "kafka-cluster-ca"),
                        "Deployment ingest-service: the trust store /etc/rare-earth/kafka-ca/ca.crt"),
                mistake("a KafkaUser in dev", Environment.DEV, d -> {
                    ObjectNode user = StrictManifests.JSON.createObjectNode().put("apiVersion", "kafka.strimzi.io/v1")
                            .put("kind", "KafkaUser");
                    user.putObject("metadata").put("name", "ingest-service").put("namespace", "rare-earth-dev");
                    user.putObject("spec").putObject("authentication").put("type", "scram-sha-512");
                    d.add(user);
                }, "dev runs Kafka without authentication: its KafkaUsers [ingest-service] would check nothing"),
                mistake("a committed Secret", Environment.PROD, d -> {
                    ObjectNode secret = StrictManifests.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
                    secret.putObject("metadata").put("name", "rare-earth-db-app").put("namespace", "rare-earth");
                    secret.putObject("stringData").put("password", "secret");
                    d.add(secret);
                }, "the manifests hold a Secret"),
                mistake("an image tag that is not the project version", Environment.PROD,
                        d -> d.container("scenario-service").put("image", "rare-earth/scenario-service:0.0.9"),
                        "Deployment scenario-service: image rare-earth/scenario-service:0.0.9, the build produces"),
                mistake("a token mounted", Environment.DEV, d -> d.get("ServiceAccount", "ingest-service")
                        .put("automountServiceAccountToken", true), "ServiceAccount ingest-service: automountServiceAccountToken must be false"),
                mistake("a Service that selects nothing", Environment.DEV, d -> ((ObjectNode) d.get("Service", "network-service")
                                .path("spec").path("selector")).put("app.kubernetes.io/name", "network"),
                        "Service network-service: selector"),
                mistake("no disruption budget", Environment.PROD, d -> d.remove("PodDisruptionBudget", "scenario-service"),
                        "no PodDisruptionBudget selects the pods of scenario-service"),
                mistake("no default deny", Environment.PROD, d -> d.remove("NetworkPolicy", "default-deny"),
                        "no default-deny NetworkPolicy"),
                mistake("no way to PostgreSQL", Environment.DEV, d -> ((ArrayNode) d.get("NetworkPolicy", "simulation-service")
                        .path("spec").path("egress")).remove(1), "NetworkPolicy of simulation-service: egress to PostgreSQL"),
                mistake("the services shut out of Kafka", Environment.PROD, d -> ((ObjectNode) d.get("Kafka", "rare-earth-kafka")
                                .path("spec").path("kafka").path("listeners").get(0)).remove("networkPolicyPeers"),
                        "Kafka listener 9092: its networkPolicyPeers do not admit the pods of ingest-service"),
                mistake("the wrong bootstrap address", Environment.DEV, d -> ((ObjectNode) d.get("ConfigMap", "rare-earth-common")
                                .path("data")).put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                        "KAFKA_BOOTSTRAP_SERVERS kafka:9092, Strimzi's bootstrap is rare-earth-kafka-kafka-bootstrap:9092"),
                mistake("a compacted topic made a deleting one", Environment.PROD, d -> ((ObjectNode) d.get("KafkaTopic", "scenario.requests")
                                .path("spec").path("config")).put("cleanup.policy", "delete"),
                        "KafkaTopics: topic scenario.requests is"),
                mistake("a contract topic with other partitions", Environment.PROD, d -> ((ObjectNode) d.get("KafkaTopic",
                        "simulation.results").path("spec")).put("partitions", 6), "KafkaTopics: topic simulation.results is"),
                mistake("a dead-letter topic missing", Environment.DEV, d -> d.remove("KafkaTopic", "dataset.current.dlq"),
                        "KafkaTopics: topic dataset.current.dlq is missing"),
                mistake("one replica in prod", Environment.PROD, d -> ((ObjectNode) d.get("KafkaTopic", "trade.baseline").path("spec"))
                        .put("replicas", 1), "KafkaTopic trade.baseline: replicas 1, prod needs 3"),
                mistake("min.insync.replicas 1 in prod", Environment.PROD, d -> ((ObjectNode) d.get("KafkaTopic", "network.metrics")
                                .path("spec").path("config")).put("min.insync.replicas", 1),
                        "KafkaTopic network.metrics: min.insync.replicas 1, prod needs 2"),
                mistake("one Kafka node in prod", Environment.PROD, d -> ((ObjectNode) d.get("KafkaNodePool", "dual-role").path("spec"))
                        .put("replicas", 1), "Kafka: 1 nodes, prod needs 3"),
                mistake("one PostgreSQL instance in prod", Environment.PROD, d -> ((ObjectNode) d.get("Cluster", "rare-earth-db")
                        .path("spec")).put("instances", 1), "Cluster rare-earth-db: 1 instances, prod needs 3"),
                mistake("an autoscaler beyond the partitions", Environment.PROD, d -> ((ObjectNode) d.get("HorizontalPodAutoscaler",
                        "simulation-service").path("spec")).put("maxReplicas", 24), "simulation-service: at most 12 replicas"),
                mistake("replicas next to an autoscaler", Environment.PROD, d -> ((ObjectNode) d.get("Deployment", "network-service")
                        .path("spec")).put("replicas", 2), "Deployment network-service: sets replicas although an autoscaler"),
                mistake("no autoscaler in prod", Environment.PROD, d -> d.remove("HorizontalPodAutoscaler", "network-service"),
                        "network-service: no HorizontalPodAutoscaler"),
                mistake("lag of another group", Environment.PROD_KEDA, d -> ((ObjectNode) d.get("ScaledObject", "network-service")
                                .path("spec").path("triggers").get(0).path("metadata")).put("consumerGroup", "scenario-service"),
                        "ScaledObject network-service: consumerGroup scenario-service"),
                mistake("brokers KEDA cannot resolve", Environment.PROD_KEDA, d -> ((ObjectNode) d.get("ScaledObject",
                                "simulation-service").path("spec").path("triggers").get(0).path("metadata"))
                                .put("bootstrapServers", "rare-earth-kafka-kafka-bootstrap:9092"),
                        "ScaledObject simulation-service: bootstrapServers"),
                mistake("a misspelt broker setting", Environment.PROD, d -> ((ObjectNode) d.get("Kafka", "rare-earth-kafka")
                                .path("spec").path("kafka").path("config")).put("auto.create.topic.enable", false),
                        "Kafka spec.kafka.config: auto.create.topic.enable is not a Kafka broker setting"),
                mistake("a broker setting out of range", Environment.DEV, d -> ((ObjectNode) d.get("Kafka", "rare-earth-kafka")
                                .path("spec").path("kafka").path("config")).put("min.insync.replicas", 0),
                        "Kafka spec.kafka.config: min.insync.replicas=0"),
                mistake("pod security not enforced", Environment.PROD, d -> ((ObjectNode) d.get("Namespace", "rare-earth")
                                .path("metadata").path("labels")).put("pod-security.kubernetes.io/enforce", "baseline"),
                        "Namespace rare-earth: pod-security.kubernetes.io/enforce must be restricted"),
                mistake("the dashboard not routed", Environment.DEV, d -> ((ObjectNode) d.get("Ingress", "rare-earth").path("spec")
                                .path("rules").get(0).path("http").path("paths").get(2)).put("path", "/dashboard"),
                        "Ingress: / must reach network-service"));
    }

    private static Arguments mistake(String what, Environment environment, Consumer<RenderedDocuments> breakIt, String expected) {
        return Arguments.of(what, environment, breakIt, expected);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("mistakes")
    void isReported(String what, Environment environment, Consumer<RenderedDocuments> breakIt, String expected) {
        RenderedDocuments documents = new RenderedDocuments(Overlays.rendered(repository, environment));
        breakIt.accept(documents);
        Manifests manifests = new StrictManifests().read(documents.yaml());
        assertThat(OverlayRules.problems(manifests, environment, Overlays.services(repository), SystemImages.fromBuild()))
                .anySatisfy(problem -> assertThat(problem).contains(expected));
    }
}
