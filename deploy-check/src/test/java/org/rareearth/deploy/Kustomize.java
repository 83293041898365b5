package org.rareearth.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

/** Renders a kustomization with the pinned kubectl's kustomize, offline. */
public final class Kustomize {

    private final Repository repository;
    private final Path kubectl;

    public Kustomize(Repository repository) {
        this.repository = repository;
        this.kubectl = DeployTool.KUBECTL.require(repository);
    }

    public String render(Path kustomization) {
        Command run = Command.run(repository.root(), List.of(kubectl.toString(), "kustomize", kustomization.toString()));
        assertTrue(run.succeeded(), () -> "kustomize could not render " + kustomization + ":\n" + run.describe());
        return run.stdout();
    }
}
