package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay rendered by kustomize, read strictly into typed models, and held to the rules of
 * issue 8 (DeploymentRules, OverlayRules): an empty problem list is the pass.
 */
class KustomizeOverlaysTest {

    private final Repository repository = Repository.fromBuild();

    static Stream<Environment> environments() {
        return Stream.of(Environment.DEV, Environment.PROD, Environment.PROD_KEDA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void rendersStrictlyAndHoldsEveryRule(Environment environment) {
        Manifests manifests = Overlays.read(repository, environment);
        assertThat(OverlayRules.problems(manifests, environment, Overlays.services(repository), SystemImages.fromBuild()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void topicsAreTopicSetupsForTheirPartitionCount(Environment environment) {
        Manifests manifests = Overlays.read(repository, environment);
        int partitions = OverlayRules.contractPartitions(manifests);
        assertThat(partitions).isEqualTo(environment == Environment.DEV ? 6 : 12);
        assertThat(manifests.of(ManifestKind.KAFKA_TOPIC)).hasSize(TopicSpec.fromTopicSetup(partitions).size());
    }

    @Test
    void devIngestsTheWholeDemoDataSetFromItsBootstrapDirectory() throws IOException {
        Manifests manifests = Overlays.read(repository, Environment.DEV);
        ConfigMap demo = (ConfigMap) manifests.generatedConfigMap("rare-earth-demo-data").typed();
        Set<String> files;
        try (Stream<Path> list = Files.list(repository.resolve("data/rare-earth-demo"))) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(demo.getData().keySet())).isEqualTo(files);
        assertThat(demo.getData().get("dataset.properties"))
                .isEqualTo(Files.readString(repository.resolve("data/rare-earth-demo/dataset.properties")));

        Deployment ingest = (Deployment) manifests.one(ManifestKind.DEPLOYMENT, "ingest-service").typed();
        Container container = ingest.getSpec().getTemplate().getSpec().getContainers().get(0);
        ConfigMap config = (ConfigMap) manifests.generatedConfigMap("ingest-service-config").typed();
        String dir = config.getData().get("RAREEARTH_INGEST_BOOTSTRAP_DIR");
        String volume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst().orElseThrow()
                .getName();
        assertThat(ingest.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(volume);
            assertThat(v.getConfigMap().getName()).isEqualTo(demo.getMetadata().getName());
        });
        assertThat(container.getEnvFrom()).anySatisfy(e -> assertThat(e.getConfigMapRef().getName())
                .isEqualTo(config.getMetadata().getName()));
    }

    @Test
    void prodHasNoDemoData() {
        Manifests manifests = Overlays.read(repository, Environment.PROD);
        ConfigMap config = (ConfigMap) manifests.generatedConfigMap("ingest-service-config").typed();
        assertThat(config.getData()).doesNotContainKey("RAREEARTH_INGEST_BOOTSTRAP_DIR");
        assertThat(manifests.of(ManifestKind.CONFIG_MAP)).noneMatch(m -> m.name().startsWith("rare-earth-demo-data"));
    }

    @Test
    void theImageTagIsTheProjectVersionInOnePlace() throws IOException {
        SystemImages images = SystemImages.fromBuild();
        for (Environment environment : environments().toList()) {
            Map<String, String> used = Overlays.read(repository, environment).typed(ManifestKind.DEPLOYMENT, Deployment.class)
                    .stream().collect(Collectors.toMap(d -> d.getMetadata().getName(),
                            d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
            SystemImages.SERVICES.forEach(s -> assertThat(used.get(s)).as(environment + " " + s).isEqualTo(images.reference(s)));
        }
        // the tag is written once, in the base's images transformer, not in any Deployment
        try (Stream<Path> files = Files.walk(repository.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                long tags = Files.readAllLines(file).stream().filter(l -> l.contains(images.version())).count();
                assertThat(tags).as(file.toString()).isEqualTo(file.endsWith("k8s/base/kustomization.yaml")
                        ? SystemImages.SERVICES.size() : 0);
            }
        }
    }
}
