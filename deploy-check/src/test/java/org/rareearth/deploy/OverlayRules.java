package org.rareearth.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a rendered overlay must hold beyond each Deployment ({@link DeploymentRules}): a Service,
 * a PodDisruptionBudget and a NetworkPolicy per service, autoscalers bounded by the partitions,
 * the topics of TopicSetup with the environment's replication, Kafka and PostgreSQL as the
 * services' configuration addresses them, no Secret value, and the ingress paths.
 */
final class OverlayRules {

    static final String KAFKA_CLUSTER = "rare-earth-kafka";
    static final String DATABASE_CLUSTER = "rare-earth-db";
    static final int KAFKA_PORT = 9092;
    static final int POSTGRES_PORT = 5432;

    private OverlayRules() {
    }

    static List<String> problems(Manifests manifests, Environment environment, Map<String, ServiceConfiguration> services,
                                 SystemImages images) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests.all()) {
            if (m.kind() == ManifestKind.NAMESPACE) {
                continue;
            }
            if (!environment.namespace().equals(m.namespace())) {
                problems.add(m.kind().kind() + " " + m.name() + ": namespace " + m.namespace() + ", " + environment.namespace()
                        + " expected");
            }
        }
        problems.addAll(namespace(manifests, environment));
        if (!manifests.of(ManifestKind.SECRET).isEmpty()) {
            problems.add("the manifests hold a Secret: credentials are referenced, never committed");
        }
        if (!manifests.of(ManifestKind.STATEFUL_SET).isEmpty()) {
            problems.add("a StatefulSet: PostgreSQL runs as a CloudNativePG Cluster, Kafka through Strimzi");
        }
        Set<String> deployments = new TreeSet<>();
        for (Deployment deployment : manifests.typed(ManifestKind.DEPLOYMENT, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            deployments.add(name);
            ServiceConfiguration service = services.get(name);
            if (service == null) {
                problems.add("Deployment " + name + " is not one of the four services");
                continue;
            }
            problems.addAll(DeploymentRules.problems(manifests, deployment, service, images));
            problems.addAll(serviceAndBudget(manifests, deployment, service));
            problems.addAll(networkPolicy(manifests, deployment, service));
            problems.addAll(connections(manifests, deployment));
        }
        if (!deployments.equals(new TreeSet<>(SystemImages.SERVICES))) {
            problems.add("Deployments " + deployments + ", expected " + SystemImages.SERVICES);
        }
        problems.addAll(defaultDeny(manifests));
        int partitions = contractPartitions(manifests);
        problems.addAll(topics(manifests, environment));
        problems.addAll(scaling(manifests, environment, services, partitions));
        problems.addAll(kafka(manifests, environment));
        problems.addAll(database(manifests, environment));
        problems.addAll(ingress(manifests));
        problems.addAll(DeploymentRules.configMaps(manifests));
        problems.addAll(KafkaUserRules.problems(manifests, environment, services));
        return problems;
    }

    /** The overlay creates its namespace, with Pod Security "restricted" enforced. */
    private static List<String> namespace(Manifests manifests, Environment environment) {
        List<Manifest> namespaces = manifests.of(ManifestKind.NAMESPACE);
        if (namespaces.size() != 1 || !namespaces.get(0).name().equals(environment.namespace())) {
            return List.of("the overlay must create exactly its namespace " + environment.namespace() + ", creates "
                    + namespaces.stream().map(Manifest::name).toList());
        }
        Map<String, String> labels = ((io.fabric8.kubernetes.api.model.Namespace) namespaces.get(0).typed()).getMetadata().getLabels();
        if (labels == null || !"restricted".equals(labels.get("pod-security.kubernetes.io/enforce"))) {
            return List.of("Namespace " + environment.namespace() + ": pod-security.kubernetes.io/enforce must be restricted");
        }
        return List.of();
    }

    private static List<String> serviceAndBudget(Manifests manifests, Deployment deployment, ServiceConfiguration config) {
        List<String> problems = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Optional<Service> service = manifests.typed(ManifestKind.SERVICE, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name)).findFirst();
        if (service.isEmpty()) {
            problems.add("no Service " + name);
        } else {
            if (!DeploymentRules.sameLabels(service.get().getSpec().getSelector(), podLabels)) {
                problems.add("Service " + name + ": selector " + service.get().getSpec().getSelector() + " does not select its pods");
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            boolean served = service.get().getSpec().getPorts().stream().map(ServicePort::getTargetPort)
                    .anyMatch(p -> Integer.valueOf(config.httpPort()).equals(DeploymentRules.portNumber(p, container)));
            if (!served) {
                problems.add("Service " + name + ": no port targets " + config.httpPort());
            }
        }
        Optional<PodDisruptionBudget> budget = manifests.typed(ManifestKind.POD_DISRUPTION_BUDGET, PodDisruptionBudget.class)
                .stream().filter(b -> DeploymentRules.sameLabels(b.getSpec().getSelector().getMatchLabels(), podLabels)).findFirst();
        if (budget.isEmpty()) {
            problems.add("no PodDisruptionBudget selects the pods of " + name);
        } else if (budget.get().getSpec().getMinAvailable() != null) {
            problems.add("PodDisruptionBudget " + budget.get().getMetadata().getName()
                    + ": minAvailable would block every drain of a single replica; use maxUnavailable");
        }
        return problems;
    }

    /** The pod's own policy opens its HTTP port and lets it reach exactly the brokers and PostgreSQL. */
    private static List<String> networkPolicy(Manifests manifests, Deployment deployment, ServiceConfiguration config) {
        List<String> problems = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> own = manifests.typed(ManifestKind.NETWORK_POLICY, NetworkPolicy.class).stream()
                .filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && DeploymentRules.sameLabels(p.getSpec().getPodSelector().getMatchLabels(), podLabels)).toList();
        if (own.isEmpty()) {
            problems.add("no NetworkPolicy selects the pods of " + name);
            return problems;
        }
        boolean httpOpen = own.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> rule.getPorts().stream().anyMatch(port -> isPort(port, config.httpPort())));
        if (!httpOpen) {
            problems.add("NetworkPolicy of " + name + ": ingress to its port " + config.httpPort() + " is not allowed");
        }
        Map<String, String> kafkaPods = Map.of("strimzi.io/cluster", KAFKA_CLUSTER, "strimzi.io/broker-role", "true");
        Map<String, String> databasePods = Map.of("cnpg.io/cluster", DATABASE_CLUSTER);
        if (!egressTo(own, kafkaPods, KAFKA_PORT)) {
            problems.add("NetworkPolicy of " + name + ": egress to the Kafka brokers on " + KAFKA_PORT + " is not allowed");
        }
        if (!egressTo(own, databasePods, POSTGRES_PORT)) {
            problems.add("NetworkPolicy of " + name + ": egress to PostgreSQL on " + POSTGRES_PORT + " is not allowed");
        }
        boolean wideOpen = own.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> rule.getTo().isEmpty() || rule.getPorts().isEmpty());
        if (wideOpen) {
            problems.add("NetworkPolicy of " + name + ": an egress rule without destination or ports opens too much");
        }
        // Strimzi writes the listener's policy from networkPolicyPeers: the pod must carry their label
        Kafka kafka = (Kafka) manifests.one(ManifestKind.KAFKA, KAFKA_CLUSTER).typed();
        boolean admitted = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getPort() == KAFKA_PORT)
                .flatMap(l -> Optional.ofNullable(l.getNetworkPolicyPeers()).orElse(List.of()).stream())
                .anyMatch(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                        && DeploymentRules.sameLabels(peer.getPodSelector().getMatchLabels(), podLabels));
        if (!admitted) {
            problems.add("Kafka listener " + KAFKA_PORT + ": its networkPolicyPeers do not admit the pods of " + name);
        }
        return problems;
    }

    private static boolean egressTo(List<NetworkPolicy> policies, Map<String, String> target, int port) {
        Predicate<NetworkPolicyPeer> selects = peer -> peer.getIpBlock() == null && peer.getNamespaceSelector() == null
                && peer.getPodSelector() != null && DeploymentRules.sameLabels(peer.getPodSelector().getMatchLabels(), target);
        return policies.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> rule.getTo().stream().anyMatch(selects) && rule.getPorts().stream().anyMatch(q -> isPort(q, port)));
    }

    private static boolean isPort(NetworkPolicyPort port, int number) {
        return port.getPort() != null && Integer.valueOf(number).equals(port.getPort().getIntVal());
    }

    private static List<String> defaultDeny(Manifests manifests) {
        List<NetworkPolicy> policies = manifests.typed(ManifestKind.NETWORK_POLICY, NetworkPolicy.class);
        boolean denies = policies.stream().anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                && p.getSpec().getPodSelector().getMatchExpressions().isEmpty()
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
        boolean dns = policies.stream().anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                && p.getSpec().getEgress().stream().anyMatch(rule -> rule.getPorts().stream().anyMatch(q -> isPort(q, 53))));
        List<String> problems = new ArrayList<>();
        if (!denies) {
            problems.add("no default-deny NetworkPolicy (every pod, Ingress and Egress, no rule)");
        }
        if (!dns) {
            problems.add("no NetworkPolicy lets the pods resolve names (egress to port 53)");
        }
        return problems;
    }

    /** The database and Kafka the services are configured with are the ones in the manifests. */
    private static List<String> connections(Manifests manifests, Deployment deployment) {
        List<String> problems = new ArrayList<>();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> values = new HashMap<>();
        for (var source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null) {
                manifests.typed(ManifestKind.CONFIG_MAP, ConfigMap.class).stream()
                        .filter(m -> m.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                        .forEach(m -> values.putAll(Optional.ofNullable(m.getData()).orElse(Map.of())));
            }
        }
        String where = "Deployment " + deployment.getMetadata().getName();
        String bootstrap = KAFKA_CLUSTER + "-kafka-bootstrap:" + KAFKA_PORT;
        if (!bootstrap.equals(values.get("KAFKA_BOOTSTRAP_SERVERS"))) {
            problems.add(where + ": KAFKA_BOOTSTRAP_SERVERS " + values.get("KAFKA_BOOTSTRAP_SERVERS") + ", Strimzi's bootstrap is "
                    + bootstrap);
        }
        JsonNode cluster = manifests.one(ManifestKind.POSTGRES_CLUSTER, DATABASE_CLUSTER).document();
        String jdbc = "jdbc:postgresql://" + DATABASE_CLUSTER + "-rw:" + POSTGRES_PORT + "/"
                + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
        if (!jdbc.equals(values.get("QUARKUS_DATASOURCE_JDBC_URL"))) {
            problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + values.get("QUARKUS_DATASOURCE_JDBC_URL")
                    + ", the primary of the Cluster is " + jdbc);
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            Optional<EnvVar> env = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                    .filter(e -> e.getName().equals(variable)).findFirst();
            String secret = env.map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef()).map(r -> r.getName()).orElse(null);
            if (!(DATABASE_CLUSTER + "-app").equals(secret)) {
                problems.add(where + ": " + variable + " must come from the Secret " + DATABASE_CLUSTER
                        + "-app that CloudNativePG writes, comes from " + secret);
            }
        }
        return problems;
    }

    static int contractPartitions(Manifests manifests) {
        return manifests.typed(ManifestKind.KAFKA_TOPIC, KafkaTopic.class).stream()
                .filter(t -> t.getMetadata().getName().equals("trade.baseline"))
                .mapToInt(t -> t.getSpec().getPartitions()).findFirst().orElse(0);
    }

    private static List<String> topics(Manifests manifests, Environment environment) {
        List<String> problems = new ArrayList<>();
        List<TopicSpec> specs = new ArrayList<>();
        for (KafkaTopic topic : manifests.typed(ManifestKind.KAFKA_TOPIC, KafkaTopic.class)) {
            String name = Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
            Map<String, String> configs = new HashMap<>();
            Optional.ofNullable(topic.getSpec().getConfig()).orElse(Map.of()).forEach((k, v) -> configs.put(k, String.valueOf(v)));
            String minIsr = configs.remove("min.insync.replicas");
            specs.add(new TopicSpec(name, topic.getSpec().getPartitions(), configs));
            if (!KAFKA_CLUSTER.equals(topic.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add("KafkaTopic " + name + ": label strimzi.io/cluster must be " + KAFKA_CLUSTER);
            }
            if (topic.getSpec().getReplicas() != environment.topicReplicas()) {
                problems.add("KafkaTopic " + name + ": replicas " + topic.getSpec().getReplicas() + ", " + environment
                        + " needs " + environment.topicReplicas());
            }
            if (!String.valueOf(environment.minInSyncReplicas()).equals(minIsr)) {
                problems.add("KafkaTopic " + name + ": min.insync.replicas " + minIsr + ", " + environment + " needs "
                        + environment.minInSyncReplicas());
            }
        }
        problems.addAll(TopicSpec.problems("KafkaTopics", specs));
        return problems;
    }

    /**
     * simulation-service and network-service: autoscaled in prod (never beyond the partitions of
     * their topics: an extra consumer would sit idle), their Deployment then without replicas.
     */
    private static List<String> scaling(Manifests manifests, Environment environment, Map<String, ServiceConfiguration> services,
                                        int partitions) {
        List<String> problems = new ArrayList<>();
        List<HorizontalPodAutoscaler> hpas = manifests.typed(ManifestKind.HORIZONTAL_POD_AUTOSCALER, HorizontalPodAutoscaler.class);
        List<Manifest> scaledObjects = manifests.of(ManifestKind.SCALED_OBJECT);
        for (String service : SystemImages.SCALED) {
            Deployment deployment = (Deployment) manifests.one(ManifestKind.DEPLOYMENT, service).typed();
            Optional<HorizontalPodAutoscaler> hpa = hpas.stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(service)
                            && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && "apps/v1".equals(h.getSpec().getScaleTargetRef().getApiVersion())).findFirst();
            Optional<Manifest> scaled = scaledObjects.stream()
                    .filter(s -> s.document().path("spec").path("scaleTargetRef").path("name").asText().equals(service)).findFirst();
            switch (environment.scaling()) {
                case FIXED -> {
                    if (hpa.isPresent() || scaled.isPresent()) {
                        problems.add(service + ": " + environment + " runs a fixed number of replicas, found an autoscaler");
                    }
                }
                case HORIZONTAL_POD_AUTOSCALER -> {
                    if (hpa.isEmpty()) {
                        problems.add(service + ": no HorizontalPodAutoscaler (autoscaling/v2) scales its Deployment");
                    } else {
                        problems.addAll(bounds(service, hpa.get().getSpec().getMinReplicas(), hpa.get().getSpec().getMaxReplicas(),
                                partitions));
                        boolean cpu = hpa.get().getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                                && "cpu".equals(m.getResource().getName())
                                && m.getResource().getTarget().getAverageUtilization() != null);
                        if (!cpu) {
                            problems.add("HorizontalPodAutoscaler " + service + ": needs a CPU utilisation target");
                        }
                    }
                    if (scaled.isPresent()) {
                        problems.add(service + ": a ScaledObject and an HPA would both scale it");
                    }
                }
                case KEDA -> {
                    if (hpa.isPresent()) {
                        problems.add(service + ": KEDA writes its own HPA; the HorizontalPodAutoscaler must go");
                    }
                    if (scaled.isEmpty()) {
                        problems.add(service + ": no ScaledObject");
                    } else {
                        problems.addAll(kedaTrigger(scaled.get(), environment, services.get(service), partitions));
                    }
                }
                default -> throw new IllegalStateException(environment.scaling().toString());
            }
            if (environment.scaling() != Environment.Scaling.FIXED && deployment.getSpec().getReplicas() != null) {
                problems.add("Deployment " + service + ": sets replicas although an autoscaler owns that number (apply would reset it)");
            }
        }
        return problems;
    }

    private static List<String> bounds(String service, Integer min, Integer max, int partitions) {
        List<String> problems = new ArrayList<>();
        if (min == null || min < 2) {
            problems.add(service + ": at least 2 replicas (minimum " + min + ") so one can go during a rollout or drain");
        }
        if (max == null || max > partitions) {
            problems.add(service + ": at most " + partitions + " replicas (the partitions of its topics), maximum is " + max);
        }
        if (min != null && max != null && min > max) {
            problems.add(service + ": minimum " + min + " above maximum " + max);
        }
        return problems;
    }

    private static List<String> kedaTrigger(Manifest scaled, Environment environment, ServiceConfiguration service,
                                            int partitions) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = scaled.document().path("spec");
        problems.addAll(bounds(scaled.name(), spec.path("minReplicaCount").isInt() ? spec.path("minReplicaCount").asInt() : null,
                spec.path("maxReplicaCount").isInt() ? spec.path("maxReplicaCount").asInt() : null, partitions));
        Set<String> groups = service.consumerGroups();
        Set<String> topics = service.incomingTopics();
        String bootstrap = KAFKA_CLUSTER + "-kafka-bootstrap." + environment.namespace() + ".svc:" + KAFKA_PORT;
        boolean lag = false;
        for (JsonNode trigger : spec.path("triggers")) {
            if (!trigger.path("type").asText().equals("kafka")) {
                continue;
            }
            lag = true;
            JsonNode metadata = trigger.path("metadata");
            if (!groups.contains(metadata.path("consumerGroup").asText())) {
                problems.add("ScaledObject " + scaled.name() + ": consumerGroup " + metadata.path("consumerGroup").asText()
                        + ", the service's groups are " + groups);
            }
            if (!topics.contains(metadata.path("topic").asText())) {
                problems.add("ScaledObject " + scaled.name() + ": topic " + metadata.path("topic").asText()
                        + " is not one the service reads " + topics);
            }
            if (!metadata.path("bootstrapServers").asText().equals(bootstrap)) {
                problems.add("ScaledObject " + scaled.name() + ": bootstrapServers " + metadata.path("bootstrapServers").asText()
                        + ", from KEDA's namespace the brokers are " + bootstrap);
            }
            if (!"false".equals(metadata.path("allowIdleConsumers").asText())) {
                problems.add("ScaledObject " + scaled.name() + ": allowIdleConsumers must be false (no replica beyond the partitions)");
            }
        }
        if (!lag) {
            problems.add("ScaledObject " + scaled.name() + ": no kafka (consumer lag) trigger");
        }
        return problems;
    }

    private static List<String> kafka(Manifests manifests, Environment environment) {
        List<String> problems = new ArrayList<>();
        Kafka kafka = (Kafka) manifests.one(ManifestKind.KAFKA, KAFKA_CLUSTER).typed();
        Map<String, Object> config = Optional.ofNullable(kafka.getSpec().getKafka().getConfig()).orElse(Map.of());
        Map<String, Integer> expected = Map.of(
                "offsets.topic.replication.factor", environment.topicReplicas(),
                "transaction.state.log.replication.factor", environment.topicReplicas(),
                "default.replication.factor", environment.topicReplicas(),
                "transaction.state.log.min.isr", environment.minInSyncReplicas(),
                "min.insync.replicas", environment.minInSyncReplicas());
        expected.forEach((key, value) -> {
            if (!String.valueOf(value).equals(String.valueOf(config.get(key)))) {
                problems.add("Kafka: " + key + " is " + config.get(key) + ", " + environment + " needs " + value);
            }
        });
        problems.addAll(BrokerSettings.problems("Kafka spec.kafka.config", config));
        if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
            problems.add("Kafka: auto.create.topics.enable must be false (topics are KafkaTopics)");
        }
        Optional<GenericKafkaListener> plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getPort() == KAFKA_PORT).findFirst();
        if (plain.isEmpty()) {
            problems.add("Kafka: no listener on " + KAFKA_PORT + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (kafka.getSpec().getKafka().getReplicas() != null || kafka.getSpec().getKafka().getStorage() != null) {
            problems.add("Kafka: replicas and storage belong to the KafkaNodePool (kafka.strimzi.io/v1)");
        }
        int nodes = 0;
        for (KafkaNodePool pool : manifests.typed(ManifestKind.KAFKA_NODE_POOL, KafkaNodePool.class)) {
            if (!KAFKA_CLUSTER.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add("KafkaNodePool " + pool.getMetadata().getName() + ": label strimzi.io/cluster must be " + KAFKA_CLUSTER);
            }
            if (!pool.getSpec().getRoles().containsAll(List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER))) {
                problems.add("KafkaNodePool " + pool.getMetadata().getName() + ": combined KRaft controller and broker expected");
            }
            nodes += pool.getSpec().getReplicas();
        }
        if (nodes != environment.kafkaNodes()) {
            problems.add("Kafka: " + nodes + " nodes, " + environment + " needs " + environment.kafkaNodes());
        }
        return problems;
    }

    private static List<String> database(Manifests manifests, Environment environment) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = manifests.one(ManifestKind.POSTGRES_CLUSTER, DATABASE_CLUSTER).document().path("spec");
        if (spec.path("instances").asInt() != environment.databaseInstances()) {
            problems.add("Cluster " + DATABASE_CLUSTER + ": " + spec.path("instances").asInt() + " instances, " + environment
                    + " needs " + environment.databaseInstances());
        }
        if (spec.path("enableSuperuserAccess").asBoolean(false)) {
            problems.add("Cluster " + DATABASE_CLUSTER + ": the services need no superuser");
        }
        if (environment.databaseInstances() > 1 && spec.path("postgresql").path("synchronous").path("number").asInt(0) < 1) {
            problems.add("Cluster " + DATABASE_CLUSTER + ": with replicas, a commit must wait for one (postgresql.synchronous)");
        }
        return problems;
    }

    private static List<String> ingress(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> routes = new HashMap<>();
        for (Ingress ingress : manifests.typed(ManifestKind.INGRESS, Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String backend = path.getBackend().getService().getName();
                    routes.put(path.getPath(), backend);
                    Optional<Service> service = manifests.typed(ManifestKind.SERVICE, Service.class).stream()
                            .filter(s -> s.getMetadata().getName().equals(backend)).findFirst();
                    String port = path.getBackend().getService().getPort().getName();
                    if (service.isEmpty() || service.get().getSpec().getPorts().stream().noneMatch(p -> p.getName().equals(port))) {
                        problems.add("Ingress " + path.getPath() + ": no Service " + backend + " with port " + port);
                    }
                }
            }
        }
        if (!"scenario-service".equals(routes.get("/scenarios"))) {
            problems.add("Ingress: /scenarios must reach scenario-service (the analysts' API)");
        }
        if (!"network-service".equals(routes.get("/"))) {
            problems.add("Ingress: / must reach network-service (the dashboard)");
        }
        if (routes.keySet().stream().anyMatch(p -> p.startsWith("/q"))) {
            problems.add("Ingress: /q/* (health, metrics, OpenAPI) stays inside the cluster");
        }
        return problems;
    }
}
