package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engines run directly, without Kafka or a database: {@code cli/target/rare-earth.jar network}
 * (built in the reactor before this module). What the services publish must equal what this prints
 * for the same data, scenario document and years.
 */
final class EngineCommandLine {

    private static final long TIMEOUT_SECONDS = 180;

    private EngineCommandLine() {
    }

    static Path jar() {
        Path jar = SharedSystem.home().resolve("cli/target/rare-earth.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("command-line jar " + jar + " is missing; build it with "
                    + "./mvnw -q -DskipTests package -pl cli -am");
        }
        return jar;
    }

    /**
     * {@code network --data D --year Y --horizon H --product P --scenario F --broker CHN,USA --out J}:
     * one JSON object per year Y..H.
     */
    static JsonNode network(Path scenario, int year, int horizon, String product, Path workDir) {
        Path out = workDir.resolve(scenario.getFileName().toString().replace(".json", "") + "-network.json");
        Path log = workDir.resolve(scenario.getFileName().toString().replace(".json", "") + "-cli.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString(),
                "network", "--data", SharedSystem.demoData().toString(), "--year", String.valueOf(year),
                "--horizon", String.valueOf(horizon), "--product", product, "--scenario", scenario.toString(),
                "--broker", "CHN,USA", "--out", out.toString()));
        try {
            Process p = new ProcessBuilder(command).directory(SharedSystem.home().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("rare-earth network did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("rare-earth network exited " + p.exitValue() + ": " + Files.readString(log));
            }
            return JsonHttp.mapper().readTree(out.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("rare-earth network failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
