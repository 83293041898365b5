package org.rareearth.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every apiVersion and kind the manifests may hold, and how each is checked: the Kubernetes kinds
 * and the Prometheus Operator's monitors into fabric8's typed models, Strimzi's into
 * {@code io.strimzi:api}'s, and every custom resource also against its CRD's schema for that
 * version (src/test/resources/crd-schemas). CloudNativePG and KEDA publish no Java model, so their
 * schema is their only check. Anything else (a typo in a kind, an old apiVersion such as
 * {@code autoscaling/v1} or {@code kafka.strimzi.io/v1beta2}) is refused.
 */
public enum ManifestKind {

    NAMESPACE("v1", "Namespace", Namespace.class, false),
    CONFIG_MAP("v1", "ConfigMap", ConfigMap.class, false),
    SECRET("v1", "Secret", Secret.class, false),
    SERVICE("v1", "Service", Service.class, false),
    SERVICE_ACCOUNT("v1", "ServiceAccount", ServiceAccount.class, false),
    DEPLOYMENT("apps/v1", "Deployment", Deployment.class, false),
    STATEFUL_SET("apps/v1", "StatefulSet", StatefulSet.class, false),
    HORIZONTAL_POD_AUTOSCALER("autoscaling/v2", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, false),
    POD_DISRUPTION_BUDGET("policy/v1", "PodDisruptionBudget", PodDisruptionBudget.class, false),
    NETWORK_POLICY("networking.k8s.io/v1", "NetworkPolicy", NetworkPolicy.class, false),
    INGRESS("networking.k8s.io/v1", "Ingress", Ingress.class, false),
    SERVICE_MONITOR("monitoring.coreos.com/v1", "ServiceMonitor", ServiceMonitor.class, false),
    POD_MONITOR("monitoring.coreos.com/v1", "PodMonitor", PodMonitor.class, false),
    KAFKA("kafka.strimzi.io/v1", "Kafka", Kafka.class, true),
    KAFKA_NODE_POOL("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class, true),
    KAFKA_TOPIC("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class, true),
    /**
     * Checked by its typed model only (unknown fields, the enums of ACL operations, resource and
     * pattern types): Strimzi 0.50.1's 044-Crd-kafkauser.yaml was not at hand offline. Put it with
     * the other CRD files and set this to true to add its schema (crd-schemas/README.md).
     */
    KAFKA_USER("kafka.strimzi.io/v1", "KafkaUser", KafkaUser.class, false),
    POSTGRES_CLUSTER("postgresql.cnpg.io/v1", "Cluster", null, true),
    SCALED_OBJECT("keda.sh/v1alpha1", "ScaledObject", null, true);

    private final String apiVersion;
    private final String kind;
    private final Class<?> model;
    private final boolean customResource;

    ManifestKind(String apiVersion, String kind, Class<?> model, boolean customResource) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.model = model;
        this.customResource = customResource;
    }

    public static Optional<ManifestKind> of(String apiVersion, String kind) {
        return Arrays.stream(values()).filter(k -> k.apiVersion.equals(apiVersion) && k.kind.equals(kind)).findFirst();
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    /** The typed model, if there is one. */
    public Optional<Class<?>> model() {
        return Optional.ofNullable(model);
    }

    /** Checked against a CRD schema too. */
    public boolean customResource() {
        return customResource;
    }

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** The file of the schema under src/test/resources/crd-schemas. */
    public String schemaResource() {
        return "crd-schemas/" + group() + "_" + kind + "_" + version() + ".json";
    }
}
