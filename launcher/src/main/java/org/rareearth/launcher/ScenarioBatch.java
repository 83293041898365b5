package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every scenario document of a directory: all are submitted first (the services work on
 * them concurrently), then each is awaited against one shared deadline and its forecast fetched.
 * The baseline scenario goes first because the summary compares every other one with it.
 */
public final class ScenarioBatch {

    private final ScenarioClient client;

    public ScenarioBatch(ScenarioClient client) {
        this.client = client;
    }

    public List<ScenarioRun> run(Path directory, Duration deadline, java.io.PrintStream progress) {
        Map<Path, ScenarioClient.Accepted> submitted = new LinkedHashMap<>();
        for (Path file : files(directory)) {
            ScenarioClient.Accepted accepted = client.create(read(file));
            progress.printf("scenario %-36s -> id %s, version %d, %s%n", file.getFileName(), accepted.id(),
                    accepted.version(), accepted.status());
            submitted.put(file, accepted);
        }
        Instant end = Instant.now().plus(deadline);
        List<ScenarioRun> runs = new ArrayList<>();
        for (Map.Entry<Path, ScenarioClient.Accepted> e : submitted.entrySet()) {
            Path file = e.getKey();
            JsonNode document = parse(file);
            String id = e.getValue().id();
            Duration left = Duration.between(Instant.now(), end);
            JsonNode status = client.awaitSettled(id, e.getValue().version(), left.isNegative() ? Duration.ZERO : left);
            String s = status.path("status").asText();
            progress.printf("scenario %-36s %s (%d of %d results)%n", file.getFileName(), s,
                    status.path("received").asInt(), status.path("expected").asInt());
            JsonNode forecast = "ready".equals(s) ? client.forecast(id) : null;
            runs.add(new ScenarioRun(file, document.path("name").asText(file.getFileName().toString()), id,
                    document.path("horizon").asInt(document.path("baseYear").asInt()), s,
                    status.path("reason").isNull() ? null : status.path("reason").asText(null), forecast));
        }
        return runs;
    }

    /** baseline.json first, then the other documents by name. */
    static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> list = files.filter(f -> f.getFileName().toString().endsWith(".json")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().equals(StackLauncher.BASELINE_FILE))
                            .thenComparing(f -> f.getFileName().toString()))
                    .toList();
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no scenario documents (*.json) in " + directory.toAbsolutePath());
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + directory.toAbsolutePath(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return JsonHttp.mapper().readTree(read(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
        }
    }
}
