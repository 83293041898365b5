package org.rareearth.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * docker-compose.yml as Debian's docker-compose 1.29.2 reads it: validated ({@code config -q}) and
 * resolved ({@code config}: variables from .env.example interpolated, YAML anchors merged), which is
 * what the rules check.
 */
final class ComposeFile {

    private static final Map<Path, JsonNode> RESOLVED = new ConcurrentHashMap<>();

    private ComposeFile() {
    }

    static Command validate(Repository repository) {
        return compose(repository, "config", "-q");
    }

    /** Resolved once per run (docker-compose takes a second or two); each caller gets its own copy to change. */
    static JsonNode resolved(Repository repository) {
        return RESOLVED.computeIfAbsent(repository.root(), root -> {
            Command run = compose(repository, "config");
            assertTrue(run.succeeded(), run::describe);
            return StrictManifests.documents(run.stdout()).get(0);
        }).deepCopy();
    }

    private static Command compose(Repository repository, String... arguments) {
        Path compose = DeployTool.DOCKER_COMPOSE.require(repository);
        List<String> command = new java.util.ArrayList<>(List.of(compose.toString(), "--project-directory", repository.root().toString(),
                "--file", repository.composeFile().toString(), "--env-file", repository.composeEnvExample().toString()));
        command.addAll(List.of(arguments));
        return Command.run(repository.root(), command);
    }
}
