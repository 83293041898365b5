package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Kubernetes overlays run the same images, and whatever compose
 * configures Kubernetes configures too (the values differ: addresses; Kubernetes also sets the
 * tunables an operator changes there, at their defaults).
 */
class ComposeAndKubernetesAgreeTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void runTheSameImagesAndConfigureTheSameProperties() {
        JsonNode compose = ComposeFile.resolved(repository).path("services");
        Manifests dev = Overlays.read(repository, Environment.DEV);
        Map<String, String> composeImages = new TreeMap<>();
        Map<String, String> kubernetesImages = new TreeMap<>();
        for (String service : SystemImages.SERVICES) {
            composeImages.put(service, compose.path(service).path("image").asText());
            Deployment deployment = (Deployment) dev.one(ManifestKind.DEPLOYMENT, service).typed();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            kubernetesImages.put(service, container.getImage());

            Set<String> composeVariables = new TreeSet<>();
            compose.path(service).path("environment").fieldNames().forEachRemaining(composeVariables::add);
            assertThat(variables(dev, container)).as(service).containsAll(composeVariables);
        }
        assertThat(composeImages).isEqualTo(kubernetesImages);
    }

    private static Set<String> variables(Manifests manifests, Container container) {
        Set<String> names = new TreeSet<>();
        container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        for (EnvFromSource source : container.getEnvFrom()) {
            ConfigMap map = manifests.typed(ManifestKind.CONFIG_MAP, ConfigMap.class).stream()
                    .filter(m -> m.getMetadata().getName().equals(source.getConfigMapRef().getName())).findFirst().orElseThrow();
            names.addAll(map.getData().keySet());
        }
        return names;
    }
}
