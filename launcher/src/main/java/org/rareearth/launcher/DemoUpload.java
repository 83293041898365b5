package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Sends a data directory in BACI layout to ingest-service as a ZIP built in memory. */
public final class DemoUpload {

    /** What ingest-service answered: the data-set version and whether it was new. */
    public record Uploaded(String version, boolean created, JsonNode answer) {
    }

    private final JsonHttp http;
    private final String ingestUrl;
    private final String scenarioUrl;

    public DemoUpload(JsonHttp http, String ingestUrl, String scenarioUrl) {
        this.http = http;
        this.ingestUrl = ingestUrl;
        this.scenarioUrl = scenarioUrl;
    }

    /** POST /datasets: 201 for a new version, 200 when the same content was ingested before. */
    public Uploaded upload(Path dataDir) {
        JsonHttp.Reply reply = http.post(ingestUrl + "/datasets", "application/zip", zip(dataDir));
        if (reply.status() != 201 && reply.status() != 200) {
            reply.expect(201, "upload of " + dataDir + " to ingest-service");
        }
        JsonNode answer = reply.json();
        return new Uploaded(answer.path("version").asText(), answer.path("created").asBoolean(), answer);
    }

    /** Waits until scenario-service's catalogue (learned from trade.baseline) shows {@code version}. */
    public JsonNode awaitCatalogue(String version, Duration deadline) {
        return Deadline.await("scenario-service /catalog showing data-set version " + version, deadline,
                Duration.ofMillis(250), () -> {
                    JsonHttp.Reply reply = http.get(scenarioUrl + "/catalog");
                    if (reply.status() == 200 && version.equals(reply.json().path("datasetVersion").asText())) {
                        return Optional.of(reply.json());
                    }
                    return Optional.empty();
                });
    }

    /** The regular files directly in {@code dir} (the BACI layout is flat), in name order. */
    static byte[] zip(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data directory " + dir.toAbsolutePath() + " does not exist");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sorted) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip " + dir + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
