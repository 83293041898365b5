package org.rareearth.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * docker-compose.yml as Debian's docker-compose 1.29.2 reads it: validated ({@code config -q}) and
 * resolved ({@code config}: variables from .env.example interpolated, YAML anchors merged), which is
 * what the rules check.
 */
final class ComposeFile {

    private ComposeFile() {
    }

    static Command validate(Repository repository) {
        return compose(repository, "config", "-q");
    }

    static JsonNode resolved(Repository repository) {
        Command run = compose(repository, "config");
        assertTrue(run.succeeded(), run::describe);
        return StrictManifests.documents(run.stdout()).get(0);
    }

    private static Command compose(Repository repository, String... arguments) {
        Path compose = DeployTool.DOCKER_COMPOSE.require(repository);
        List<String> command = new java.util.ArrayList<>(List.of(compose.toString(), "--project-directory", repository.root().toString(),
                "--file", repository.composeFile().toString(), "--env-file", repository.composeEnvExample().toString()));
        command.addAll(List.of(arguments));
        return Command.run(repository.root(), command);
    }
}
