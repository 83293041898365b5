package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** yamllint (the project's .yamllint.yaml) on every deployment file, and proof that it would fail. */
class YamlLintTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void passesOnTheDeploymentFiles() {
        Command run = yamllint(List.of("docker-compose.yml", "k8s", "data/kustomization.yaml", ".yamllint.yaml"));
        assertThat(run.succeeded()).as(run::describe).isTrue();
    }

    @Test
    void failsOnABrokenFile() throws Exception {
        // outside the repository: the configuration ignores target/
        Path broken = Files.createTempDirectory("yamllint").resolve("broken.yaml");
        Files.writeString(broken, "services:\n  kafka:\n    image: apache/kafka:4.1.1\n    image: apache/kafka:4.1.1\n");
        Command run = yamllint(List.of(broken.toString()));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.stdout()).contains("duplication of key \"image\"");
    }

    private Command yamllint(List<String> paths) {
        List<String> command = new java.util.ArrayList<>(List.of(DeployTool.YAMLLINT.require(repository).toString(), "--strict",
                "--config-file", repository.resolve(".yamllint.yaml").toString()));
        command.addAll(paths);
        return Command.run(repository.root(), command);
    }
}
