package org.rareearth.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository the checks read, found from the module (surefire passes {@code rareearth.repo}
 * = the module's parent directory), so the checks see the files of this checkout, not of an
 * installed artifact.
 */
public record Repository(Path root) {

    public static Repository fromBuild() {
        String root = System.getProperty("rareearth.repo");
        if (root == null) {
            throw new IllegalStateException("system property rareearth.repo is not set (deploy-check's pom sets it for surefire)");
        }
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml")) || !Files.isDirectory(path.resolve("k8s"))) {
            throw new IllegalStateException(path + " is not the repository root (no pom.xml or k8s/)");
        }
        return new Repository(path);
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public Path composeFile() {
        return root.resolve("docker-compose.yml");
    }

    public Path composeEnvExample() {
        return root.resolve(".env.example");
    }

    public Path overlay(String name) {
        return root.resolve("k8s/overlays").resolve(name);
    }

    public Path component(String name) {
        return root.resolve("k8s/components").resolve(name);
    }

    public Path module(String name) {
        return root.resolve(name);
    }
}
