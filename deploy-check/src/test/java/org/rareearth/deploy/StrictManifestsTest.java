package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The strict reader fails on what an API server would refuse or silently drop: a typo in a field
 * of a typed kind, in a custom resource's spec, an unknown kind or an old apiVersion.
 */
class StrictManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: simulation-service
            spec:
              %s: 2
              selector:
                matchLabels:
                  app: simulation-service
              template:
                metadata:
                  labels:
                    app: simulation-service
                spec:
                  containers:
                    - name: simulation-service
                      image: rare-earth/simulation-service:0.1.0-SNAPSHOT
            """;

    private final StrictManifests reader = new StrictManifests();

    @Test
    void readsACorrectDeploymentIntoItsModel() {
        Manifests manifests = reader.read(DEPLOYMENT.formatted("replicas"));
        Deployment deployment = manifests.typed(ManifestKind.DEPLOYMENT, Deployment.class).get(0);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void refusesReplicaForReplicas() {
        assertThatThrownBy(() -> reader.read(DEPLOYMENT.formatted("replica")))
                .isInstanceOf(ManifestProblems.class)
                .hasMessageContaining("Deployment simulation-service: spec.replica: unknown field");
    }

    @Test
    void refusesAverageUtilisationInAnAutoscaler() {
        String hpa = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: network-service
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: network-service
                  minReplicas: 2
                  maxReplicas: 6
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilisation: 70
                """;
        assertThatThrownBy(() -> reader.read(hpa))
                .hasMessageContaining("HorizontalPodAutoscaler network-service: spec.metrics[0].resource.target.averageUtilisation: unknown field");
        assertThat(reader.read(hpa.replace("averageUtilisation", "averageUtilization")).all()).hasSize(1);
    }

    @Test
    void refusesATypoInAStrimziResourceThroughItsModelAndItsSchema() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: trade.baseline
                  labels:
                    strimzi.io/cluster: rare-earth-kafka
                spec:
                  partition: 6
                  replicas: 1
                """;
        assertThatThrownBy(() -> reader.read(topic))
                .hasMessageContaining("KafkaTopic trade.baseline: spec.partition: unknown field");
    }

    @Test
    void refusesAFieldThatKafkaStrimziIoV1NoLongerHas() {
        // spec.kafka.replicas is in Strimzi's Java model (which also serves v1beta2) but not in v1
        String kafka = """
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: rare-earth-kafka
                spec:
                  kafka:
                    replicas: 3
                    listeners:
                      - name: plain
                        port: 9092
                        type: internal
                        tls: false
                """;
        assertThatThrownBy(() -> reader.read(kafka))
                .hasMessageContaining("Kafka rare-earth-kafka: spec.kafka.replicas: unknown field");
    }

    @Test
    void refusesATypoInACloudNativePgClusterAgainstItsSchema() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: rare-earth-db
                spec:
                  %s: 3
                  storage:
                    size: 5Gi
                """;
        assertThat(reader.read(cluster.formatted("instances")).all()).hasSize(1);
        assertThatThrownBy(() -> reader.read(cluster.formatted("instance")))
                .hasMessageContaining("Cluster rare-earth-db: spec.instance: unknown field");
    }

    @Test
    void refusesAScaledObjectWhoseTriggerMetadataIsNotText() {
        String scaled = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: simulation-service
                spec:
                  scaleTargetRef:
                    name: simulation-service
                  triggers:
                    - type: kafka
                      metadata:
                        lagThreshold: 2
                """;
        assertThatThrownBy(() -> reader.read(scaled))
                .hasMessageContaining("spec.triggers[0].metadata.lagThreshold: must be a string");
        assertThat(reader.read(scaled.replace("lagThreshold: 2", "lagThreshold: \"2\"")).all()).hasSize(1);
    }

    @Test
    void refusesKindsAndApiVersionsTheManifestsMayNotUse() {
        assertThatThrownBy(() -> reader.read(DEPLOYMENT.formatted("replicas").replace("apps/v1", "apps/v1beta1")))
                .hasMessageContaining("apiVersion apps/v1beta1 kind Deployment is not one the manifests may use");
        assertThatThrownBy(() -> reader.read("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 1
                """)).hasMessageContaining("kafka.strimzi.io/v1beta2 kind KafkaTopic is not one the manifests may use");
    }

    @Test
    void refusesAnUnknownFieldInTheMetadataOfAKindWithoutModel() {
        assertThatThrownBy(() -> reader.read("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: rare-earth-db
                  label:
                    a: b
                spec:
                  instances: 1
                  storage:
                    size: 1Gi
                """)).hasMessageContaining("Cluster rare-earth-db: metadata.label: unknown field");
    }
}
