package org.rareearth.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What docker-compose.yml must hold (issue 8), checked on {@code docker-compose config}'s resolved
 * model: the agreed images, Kafka at the clients' version with a fixed cluster id, a volume and a
 * healthcheck, the topic job equal to TopicSetup, PostgreSQL pinned with pg_isready and a volume,
 * each service started after the topics and a healthy database, its readiness healthcheck on its
 * port, a memory limit, a read-only root with a /tmp tmpfs, only variables that are its properties,
 * the demo data in ingest-service's bootstrap directory, and no fixed container name or host port
 * on the services that scale.
 */
final class ComposeRules {

    static final String KAFKA = "kafka";
    static final String TOPIC_JOB = "kafka-topics";
    static final String POSTGRES = "postgres";
    /** docker-compose.yml's own example: --scale simulation-service=3; the partitions must allow it. */
    static final int DOCUMENTED_SCALE = 3;
    private static final Pattern PINNED = Pattern.compile(".+:\\d+\\.\\d+(\\.\\d+)?(-[a-z0-9.]+)?");

    private ComposeRules() {
    }

    static List<String> problems(JsonNode config, Map<String, ServiceConfiguration> services, SystemImages images,
                                 String kafkaClientVersion) {
        List<String> problems = new ArrayList<>();
        JsonNode all = config.path("services");
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (all.get(name).has("container_name")) {
                problems.add(name + ": container_name stops --scale and clashes between projects");
            }
        }
        problems.addAll(kafka(all.path(KAFKA), kafkaClientVersion, config));
        problems.addAll(topicJob(all.path(TOPIC_JOB)));
        problems.addAll(postgres(all.path(POSTGRES), config));
        for (String service : SystemImages.SERVICES) {
            JsonNode node = all.path(service);
            if (node.isMissingNode()) {
                problems.add(service + ": missing");
                continue;
            }
            problems.addAll(service(service, node, services.get(service), images));
        }
        return problems;
    }

    private static List<String> kafka(JsonNode kafka, String clientVersion, JsonNode config) {
        List<String> problems = new ArrayList<>();
        String image = kafka.path("image").asText();
        if (!image.equals("apache/kafka:" + clientVersion)) {
            problems.add("kafka: image " + image + ", the official apache/kafka at the clients' version " + clientVersion);
        }
        String clusterId = kafka.path("environment").path("CLUSTER_ID").asText();
        if (!clusterId.matches("[A-Za-z0-9_-]{22}")) {
            problems.add("kafka: CLUSTER_ID " + clusterId + " must be a fixed base64 UUID (22 characters)");
        }
        if (!kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText().contains("controller")) {
            problems.add("kafka: KRaft (KAFKA_PROCESS_ROLES broker,controller) expected");
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        kafka.path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("KAFKA_") && !BrokerSettings.LAUNCHER_VARIABLES.contains(e.getKey())) {
                settings.put(BrokerSettings.fromImageVariable(e.getKey()), e.getValue().asText());
            }
        });
        problems.addAll(BrokerSettings.problems("kafka", settings));
        problems.addAll(namedVolume("kafka", kafka, kafka.path("environment").path("KAFKA_LOG_DIRS").asText(), config));
        if (!kafka.path("healthcheck").has("test")) {
            problems.add("kafka: no healthcheck");
        }
        return problems;
    }

    private static List<String> topicJob(JsonNode job) {
        List<String> problems = new ArrayList<>();
        if (job.isMissingNode()) {
            problems.add(TOPIC_JOB + ": missing");
            return problems;
        }
        if (!"service_healthy".equals(job.path("depends_on").path(KAFKA).path("condition").asText())) {
            problems.add(TOPIC_JOB + ": must wait for a healthy kafka");
        }
        String script = String.join("\n", strings(job.path("command")));
        List<TopicSpec> topics = ComposeTopicJob.topics(script);
        problems.addAll(TopicSpec.problems(TOPIC_JOB, topics));
        int partitions = topics.stream().filter(t -> t.name().equals("trade.baseline")).mapToInt(TopicSpec::partitions).findFirst()
                .orElse(0);
        if (partitions < DOCUMENTED_SCALE) {
            problems.add(TOPIC_JOB + ": " + partitions + " partitions cannot feed --scale simulation-service=" + DOCUMENTED_SCALE);
        }
        if (ComposeTopicJob.replicationFactor(script) != 1) {
            problems.add(TOPIC_JOB + ": one broker holds one replica (--replication-factor 1)");
        }
        if (!script.contains("--if-not-exists")) {
            problems.add(TOPIC_JOB + ": --if-not-exists, so that `up` again is harmless");
        }
        return problems;
    }

    private static List<String> postgres(JsonNode postgres, JsonNode config) {
        List<String> problems = new ArrayList<>();
        String image = postgres.path("image").asText();
        if (!image.startsWith("postgres:") || !PINNED.matcher(image).matches()) {
            problems.add("postgres: image " + image + " must be the official postgres image, pinned to a minor release");
        }
        if (!String.join(" ", strings(postgres.path("healthcheck").path("test"))).contains("pg_isready")) {
            problems.add("postgres: healthcheck must be pg_isready");
        }
        problems.addAll(namedVolume("postgres", postgres, "/var/lib/postgresql/data", config));
        return problems;
    }

    private static List<String> namedVolume(String service, JsonNode node, String target, JsonNode config) {
        for (JsonNode volume : node.path("volumes")) {
            String text = volume.isTextual() ? volume.asText() : volume.path("source").asText() + ":" + volume.path("target").asText();
            String[] parts = text.split(":");
            if (parts.length >= 2 && parts[1].equals(target) && config.path("volumes").has(parts[0])) {
                return List.of();
            }
        }
        return List.of(service + ": no named volume at " + target);
    }

    private static List<String> service(String name, JsonNode node, ServiceConfiguration config, SystemImages images) {
        List<String> problems = new ArrayList<>();
        if (!images.reference(name).equals(node.path("image").asText())) {
            problems.add(name + ": image " + node.path("image").asText() + ", the build produces " + images.reference(name));
        }
        if (!"service_completed_successfully".equals(node.path("depends_on").path(TOPIC_JOB).path("condition").asText())) {
            problems.add(name + ": must start after " + TOPIC_JOB + " completed (service_completed_successfully)");
        }
        if (!"service_healthy".equals(node.path("depends_on").path(POSTGRES).path("condition").asText())) {
            problems.add(name + ": must start after a healthy postgres (service_healthy)");
        }
        String health = String.join(" ", strings(node.path("healthcheck").path("test")));
        if (!health.contains("/" + config.httpPort() + " ") && !health.contains(":" + config.httpPort() + "/")
                || !health.contains(DeploymentRules.READY)) {
            problems.add(name + ": healthcheck must ask " + DeploymentRules.READY + " on port " + config.httpPort() + ", is " + health);
        }
        if (!node.has("mem_limit") && node.path("deploy").path("resources").path("limits").path("memory").isMissingNode()) {
            problems.add(name + ": needs a memory limit (the JVM sizes its heap from it)");
        }
        if (!node.path("read_only").asBoolean(false)) {
            problems.add(name + ": read_only must be true, as in Kubernetes");
        }
        boolean tmpfs = strings(node.path("tmpfs")).stream().anyMatch(t -> t.equals("/tmp") || t.startsWith("/tmp:"));
        boolean volume = strings(node.path("volumes")).stream().anyMatch(v -> v.matches("[\\w.-]+:/tmp(:rw)?"));
        if (!tmpfs && !volume) {
            problems.add(name + ": /tmp must be a tmpfs or a volume (the root is read-only)");
        }
        if (!strings(node.path("cap_drop")).contains("ALL")) {
            problems.add(name + ": cap_drop must hold ALL, as in Kubernetes");
        }
        if (!strings(node.path("security_opt")).contains("no-new-privileges:true")) {
            problems.add(name + ": security_opt must hold no-new-privileges:true, as in Kubernetes");
        }
        for (Iterator<String> it = node.path("environment").fieldNames(); it.hasNext(); ) {
            String variable = it.next();
            if (!config.reads(variable)) {
                problems.add(name + ": " + variable + " is not a property " + name + " reads");
            }
        }
        if (node.has("env_file")) {
            problems.add(name + ": env_file passes every variable of the file, not only properties; name them in environment");
        }
        if (SystemImages.SCALED.contains(name)) {
            for (JsonNode port : node.path("ports")) {
                String published = port.isTextual() ? publishedPort(port.asText()) : port.path("published").asText("");
                if (!published.isEmpty()) {
                    problems.add(name + ": fixed host port " + published + " stops --scale " + name + "=N");
                }
            }
        }
        if (name.equals("ingest-service")) {
            String dir = node.path("environment").path("RAREEARTH_INGEST_BOOTSTRAP_DIR").asText();
            boolean mounted = strings(node.path("volumes")).stream()
                    .anyMatch(v -> v.endsWith("/data/rare-earth-demo:" + dir + ":ro"));
            if (dir.isEmpty() || !mounted) {
                problems.add(name + ": the demo data (data/rare-earth-demo) must be mounted read-only at RAREEARTH_INGEST_BOOTSTRAP_DIR");
            }
        }
        return problems;
    }

    /** "127.0.0.1::8083/tcp" -> "", "127.0.0.1:8081:8081" -> "8081", "8083" -> "". */
    static String publishedPort(String spec) {
        String[] parts = spec.replaceAll("/(tcp|udp)$", "").split(":");
        return switch (parts.length) {
            case 1 -> "";
            case 2 -> parts[0];
            default -> parts[parts.length - 2];
        };
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
