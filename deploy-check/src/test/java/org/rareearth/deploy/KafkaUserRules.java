package org.rareearth.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Kafka with authentication (prod): the listener the services use takes SCRAM-SHA-512 over TLS,
 * authorization is "simple", and each service has its own KafkaUser whose ACLs are exactly what its
 * channels do (application.properties): Read on each topic it consumes and on its consumer group,
 * Write on each topic it publishes and on the dead-letter topic of each channel it consumes; every
 * one of them a TopicSetup topic. Its Deployment takes the JAAS line from that user's Secret (never
 * another service's), runs the profile {@value #PROFILE} that configures the client for it, and
 * mounts the cluster CA where that profile's trust store points. Without authentication (dev) there
 * is no KafkaUser: nobody would check them.
 */
final class KafkaUserRules {

    static final String PROFILE = "kafka-auth";
    static final String JAAS_VARIABLE = "KAFKA_SASL_JAAS_CONFIG";
    /** The key of the Secret Strimzi's user operator writes for a SCRAM-SHA-512 KafkaUser. */
    static final String JAAS_KEY = "sasl.jaas.config";
    /** The public Secret in which Strimzi keeps its cluster CA certificate. */
    static final String CLUSTER_CA_SECRET = OverlayRules.KAFKA_CLUSTER + "-cluster-ca-cert";
    static final String CLUSTER_CA_KEY = "ca.crt";

    private KafkaUserRules() {
    }

    /** One permission as the broker sees it: {@code topic trade.baseline Read}. */
    record Acl(String resourceType, String name, String operation) implements Comparable<Acl> {
        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return resourceType + " " + name + " " + operation;
        }
    }

    static List<String> problems(Manifests manifests, Environment environment, Map<String, ServiceConfiguration> services) {
        List<String> problems = new ArrayList<>();
        List<KafkaUser> users = manifests.typed(ManifestKind.KAFKA_USER, KafkaUser.class);
        if (!environment.kafkaAuthentication()) {
            if (!users.isEmpty()) {
                problems.add(environment + " runs Kafka without authentication: its KafkaUsers " + names(users)
                        + " would check nothing");
            }
            return problems;
        }
        problems.addAll(listener(manifests));
        Set<String> topicSetup = TopicSpec.fromTopicSetup(1).stream().map(TopicSpec::name).collect(Collectors.toSet());
        for (ServiceConfiguration service : services.values()) {
            Optional<KafkaUser> user = users.stream().filter(u -> u.getMetadata().getName().equals(service.service())).findFirst();
            if (user.isEmpty()) {
                problems.add("no KafkaUser " + service.service() + ": every service has its own Kafka user");
            } else {
                problems.addAll(user(user.get(), service, topicSetup));
            }
            Deployment deployment = (Deployment) manifests.one(ManifestKind.DEPLOYMENT, service.service()).typed();
            problems.addAll(client(deployment, service));
        }
        users.stream().map(u -> u.getMetadata().getName()).filter(n -> !services.containsKey(n))
                .forEach(n -> problems.add("KafkaUser " + n + " is not one of the four services"));
        return problems;
    }

    /** What the service's channels need, from its application.properties. */
    static Set<Acl> expected(ServiceConfiguration service) {
        Set<Acl> acls = new TreeSet<>();
        service.incomingTopics().forEach(t -> acls.add(new Acl("topic", t, "Read")));
        service.consumerGroups().forEach(g -> acls.add(new Acl("group", g, "Read")));
        service.outgoingTopics().forEach(t -> acls.add(new Acl("topic", t, "Write")));
        service.deadLetterTopics().forEach(t -> acls.add(new Acl("topic", t, "Write")));
        return acls;
    }

    private static List<String> listener(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Kafka kafka = (Kafka) manifests.one(ManifestKind.KAFKA, OverlayRules.KAFKA_CLUSTER).typed();
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            if (!(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512)) {
                problems.add("Kafka listener " + listener.getName() + " (" + listener.getPort()
                        + "): must authenticate its clients (scram-sha-512)");
            }
            if (!listener.isTls()) {
                problems.add("Kafka listener " + listener.getName() + " (" + listener.getPort() + "): tls must be true");
            }
        }
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            problems.add("Kafka: authorization must be simple (the KafkaUsers' ACLs)");
        }
        if (kafka.getSpec().getEntityOperator() == null || kafka.getSpec().getEntityOperator().getUserOperator() == null) {
            problems.add("Kafka: no entityOperator.userOperator writes the KafkaUsers' Secrets");
        }
        return problems;
    }

    private static List<String> user(KafkaUser user, ServiceConfiguration service, Set<String> topicSetup) {
        List<String> problems = new ArrayList<>();
        String where = "KafkaUser " + service.service();
        if (!OverlayRules.KAFKA_CLUSTER.equals(Optional.ofNullable(user.getMetadata().getLabels()).orElse(Map.of())
                .get("strimzi.io/cluster"))) {
            problems.add(where + ": label strimzi.io/cluster must be " + OverlayRules.KAFKA_CLUSTER);
        }
        if (!(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
            problems.add(where + ": authentication must be scram-sha-512, as the listener");
        }
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            problems.add(where + ": authorization must be simple");
            return problems;
        }
        Set<Acl> granted = new TreeSet<>();
        for (AclRule rule : Optional.ofNullable(simple.getAcls()).orElse(List.of())) {
            if (rule.getType() != null && rule.getType() != AclRuleType.ALLOW) {
                problems.add(where + ": only allow rules (a deny rule says the allow rules are too wide)");
            }
            if (rule.getHost() != null && !"*".equals(rule.getHost())) {
                problems.add(where + ": host " + rule.getHost() + " (pod addresses change; the NetworkPolicies limit hosts)");
            }
            String type;
            String name;
            AclResourcePatternType pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                type = "topic";
                name = topic.getName();
                pattern = topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                type = "group";
                name = group.getName();
                pattern = group.getPatternType();
            } else {
                problems.add(where + ": a " + rule.getResource().getType() + " ACL: the services need topics and their groups only");
                continue;
            }
            if (pattern != null && pattern != AclResourcePatternType.LITERAL) {
                problems.add(where + ": " + type + " " + name + " is a " + pattern.toValue() + " pattern; name each one (literal)");
            }
            List<AclOperation> operations = new ArrayList<>(Optional.ofNullable(rule.getOperations()).orElse(List.of()));
            if (rule.getOperation() != null) {
                operations.add(rule.getOperation());
            }
            operations.forEach(op -> granted.add(new Acl(type, name, op.toValue())));
        }
        Set<Acl> needed = expected(service);
        needed.stream().filter(a -> a.resourceType().equals("topic") && !topicSetup.contains(a.name()))
                .forEach(a -> problems.add(where + ": " + service.service() + " uses topic " + a.name()
                        + ", which is not one of TopicSetup's"));
        needed.stream().filter(a -> !granted.contains(a))
                .forEach(a -> problems.add(where + ": lacks " + a + " (its channels need it)"));
        granted.stream().filter(a -> !needed.contains(a))
                .forEach(a -> problems.add(where + ": allows " + a + ", which its channels do not use"));
        return problems;
    }

    private static List<String> client(Deployment deployment, ServiceConfiguration service) {
        List<String> problems = new ArrayList<>();
        String where = "Deployment " + service.service();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<EnvVar> env = Optional.ofNullable(container.getEnv()).orElse(List.of());
        SecretKeySelector jaas = env.stream().filter(e -> e.getName().equals(JAAS_VARIABLE)).findFirst()
                .map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef()).orElse(null);
        if (jaas == null || !service.service().equals(jaas.getName()) || !JAAS_KEY.equals(jaas.getKey())) {
            problems.add(where + ": " + JAAS_VARIABLE + " must come from key " + JAAS_KEY + " of the Secret of its own KafkaUser "
                    + service.service() + ", comes from " + (jaas == null ? "nowhere" : jaas.getName() + "/" + jaas.getKey()));
        }
        String profiles = env.stream().filter(e -> e.getName().equals(DeploymentRules.PROFILE_VARIABLE)).findFirst()
                .map(EnvVar::getValue).orElse("");
        if (!Arrays.asList(profiles.split("\\s*,\\s*")).contains(PROFILE)) {
            problems.add(where + ": " + DeploymentRules.PROFILE_VARIABLE + " must name the profile " + PROFILE + ", is " + profiles);
        }
        Map<String, String> client = Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "${" + JAAS_VARIABLE + "}",
                "kafka.ssl.truststore.type", "PEM");
        client.forEach((key, value) -> {
            String actual = service.property(PROFILE, key).orElse(null);
            if (!value.equals(actual)) {
                problems.add(service.service() + ": %" + PROFILE + "." + key + " is " + actual + ", the listener needs " + value);
            }
        });
        String trustStore = service.property(PROFILE, "kafka.ssl.truststore.location").orElse("");
        List<Volume> volumes = Optional.ofNullable(deployment.getSpec().getTemplate().getSpec().getVolumes()).orElse(List.of());
        boolean mounted = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> trustStore.startsWith(m.getMountPath() + "/"))
                .map(VolumeMount::getName)
                .flatMap(name -> volumes.stream().filter(v -> v.getName().equals(name)))
                .anyMatch(v -> v.getSecret() != null && CLUSTER_CA_SECRET.equals(v.getSecret().getSecretName())
                        && Optional.ofNullable(v.getSecret().getItems()).orElse(List.of()).stream()
                        .anyMatch(i -> i.getKey().equals(CLUSTER_CA_KEY)
                                && trustStore.equals(mountPath(container, v.getName()) + "/" + i.getPath())));
        if (!mounted) {
            problems.add(where + ": the trust store " + trustStore + " (%" + PROFILE + ".kafka.ssl.truststore.location) must be "
                    + CLUSTER_CA_KEY + " of the Secret " + CLUSTER_CA_SECRET + ", mounted");
        }
        return problems;
    }

    private static String mountPath(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .map(VolumeMount::getMountPath).orElse("");
    }

    private static List<String> names(List<KafkaUser> users) {
        return users.stream().map(u -> u.getMetadata().getName()).toList();
    }
}
