package org.rareearth.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overlays as kustomize renders them (rendered once per test run): dev, prod, and prod with
 * the KEDA component added as k8s/components/keda-consumer-lag says (rendered through a
 * kustomization under target/ that adds the component to prod).
 */
final class Overlays {

    private static final Map<Environment, String> RENDERED = new ConcurrentHashMap<>();
    private static final Map<Path, Map<String, ServiceConfiguration>> SERVICES = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static String rendered(Repository repository, Environment environment) {
        return RENDERED.computeIfAbsent(environment, e -> new Kustomize(repository).render(kustomization(repository, e)));
    }

    static Manifests read(Repository repository, Environment environment) {
        return new StrictManifests().read(rendered(repository, environment));
    }

    static Map<String, ServiceConfiguration> services(Repository repository) {
        return SERVICES.computeIfAbsent(repository.root(), root -> {
            Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
            SystemImages.SERVICES.forEach(s -> services.put(s, ServiceConfiguration.read(repository, s)));
            return Map.copyOf(services);
        });
    }

    private static Path kustomization(Repository repository, Environment environment) {
        if (environment == Environment.DEV) {
            return repository.overlay("dev");
        }
        if (environment == Environment.PROD) {
            return repository.overlay("prod");
        }
        Path dir = repository.resolve("deploy-check/target/kustomize/prod-keda");
        try {
            Files.createDirectories(dir);
            String prod = dir.relativize(repository.overlay("prod")).toString();
            String keda = dir.relativize(repository.component("keda-consumer-lag")).toString();
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: %s
                    resources:
                      - %s
                    components:
                      - %s
                    """.formatted(environment.namespace(), prod, keda));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
