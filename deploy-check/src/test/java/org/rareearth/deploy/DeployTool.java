package org.rareearth.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The external programs the checks run, installed by {@code .ci/install-deploy-tools}: kubectl
 * (kustomize) at {@code .ci/tools/bin/kubectl} (or {@code -Drareearth.kubectl=PATH}), and
 * docker-compose and yamllint on PATH. Under {@code CI=true} a missing tool fails the test: a check
 * that silently does not run is no check. Elsewhere the test is skipped with the command that
 * installs the tool.
 */
public enum DeployTool {

    KUBECTL("kubectl"),
    DOCKER_COMPOSE("docker-compose"),
    YAMLLINT("yamllint");

    private static final String INSTALL = ".ci/install-deploy-tools";

    private final String command;

    DeployTool(String command) {
        this.command = command;
    }

    /** The executable, or a failed (CI) / aborted (elsewhere) test when it is not there. */
    public Path require(Repository repository) {
        return require(repository, locate(repository), underCi());
    }

    Path require(Repository repository, Optional<Path> found, boolean ci) {
        if (found.isPresent()) {
            return found.get();
        }
        String message = command + " not found (" + where(repository) + "); run " + INSTALL;
        if (ci) {
            fail(message + " (CI=true: the deployment checks must run)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    Optional<Path> locate(Repository repository) {
        if (this == KUBECTL) {
            Path path = kubectlPath(repository);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir).resolve(command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** -Drareearth.kubectl if given, else the place .ci/install-deploy-tools puts it. */
    private static Path kubectlPath(Repository repository) {
        String override = System.getProperty("rareearth.kubectl");
        return override != null ? Path.of(override) : repository.resolve(".ci/tools/bin/kubectl");
    }

    private String where(Repository repository) {
        return this == KUBECTL ? "looked at " + kubectlPath(repository) : "looked on PATH";
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
