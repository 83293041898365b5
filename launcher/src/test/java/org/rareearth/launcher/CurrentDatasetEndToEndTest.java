package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.shared.auth.Roles;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;

/**
 * Issue 14, items 1 and 2, across the four services: an upload without usable rows is refused and
 * an upload that lacks years of the current data set is kept aside, so neither takes every
 * forecast's basis away; an operator can still make such a version current (the unpinned
 * scenario then fails on it, the pinned one does not move), and making the earlier version
 * current again clears the failure: the status follows the data set the scenario is solved on.
 * Restores the current data set it found, so that the classes after it see the same system.
 */
@ExtendWith(SharedSystem.class)
@Order(Integer.MAX_VALUE - 1)
class CurrentDatasetEndToEndTest {

    static final Duration PIPELINE = Duration.ofMinutes(3);
    static final String PRODUCT = "850511";

    @TempDir
    static Path work;

    static RunningSystem system;
    static TopicRecorder results;
    static String good;

    @BeforeAll
    static void start() {
        system = SharedSystem.get();
        results = new TopicRecorder(system.stack().kafkaBootstrapServers(), Topics.SIMULATION_RESULTS.name());
        good = current();
    }

    @AfterAll
    static void restore() {
        try {
            if (good != null && !good.equals(current())) {
                makeCurrent(good);
            }
        } finally {
            if (results != null) {
                results.close();
            }
        }
    }

    @Test
    void badUploadsDoNotTakeTheForecastsBasisAwayAndAFailureClearsWhenTheDataComeBack() throws IOException {
        String unpinned = system.scenarios().create(document("follows the current data", null)).id();
        String pinned = system.scenarios().create(document("pinned", good)).id();
        assertThat(awaitStatus(unpinned, "ready").path("datasetVersion").asText()).isEqualTo(good);
        assertThat(awaitStatus(pinned, "ready").path("datasetVersion").asText()).isEqualTo(good);

        // a year file of another product only: refused, nothing changes anywhere
        JsonHttp.Reply empty = system.http(Roles.OPERATOR).post(ingest("/datasets"), "application/zip",
                DemoUpload.zip(dataset("other-products-only", List.of(2023), line -> false,
                        "2023,156,842,999999,10.0,1.0")));
        assertThat(empty.status()).as(empty.text()).isEqualTo(422);
        assertThat(empty.json().path("reason").asText()).isEqualTo("NO_USABLE_ROWS");
        assertThat(current()).isEqualTo(good);

        // one year, without magnets: stored, but not current, so the forecasts stay as they were
        DemoUpload.Uploaded partial = system.upload().upload(dataset("2023-without-magnets", List.of(2023),
                line -> !line.contains("," + PRODUCT + ","), null));
        assertThat(partial.answer().path("current").asBoolean()).isFalse();
        assertThat(partial.answer().path("notCurrentReason").asText()).contains("lacks").contains("2017");
        assertThat(current()).isEqualTo(good);
        assertThat(system.http().get(scenario("/catalog")).json().path("datasetVersion").asText()).isEqualTo(good);
        assertThat(system.scenarios().status(unpinned).path("status").asText()).isEqualTo("ready");

        // the operator makes it current anyway: the unpinned scenario is solved on it and fails there
        makeCurrent(partial.version());
        JsonNode failed = awaitStatus(unpinned, "failed");
        assertThat(failed.path("datasetVersion").asText()).isEqualTo(partial.version());
        assertThat(failed.path("reason").asText()).isNotBlank();
        assertThat(system.http().get(scenario("/scenarios/" + unpinned + "/forecast")).status()).isEqualTo(409);
        JsonNode stillPinned = system.scenarios().status(pinned);
        assertThat(stillPinned.path("status").asText()).isEqualTo("ready");
        assertThat(stillPinned.path("datasetVersion").asText()).isEqualTo(good);
        assertThat(results.events(SimulationResultEvent.class)).noneMatch(r -> pinned.equals(r.scenarioId())
                && partial.version().equals(r.datasetVersion()));

        // and back: the earlier version is current again and the failure no longer stands
        makeCurrent(good);
        JsonNode ready = awaitStatus(unpinned, "ready");
        assertThat(ready.path("datasetVersion").asText()).isEqualTo(good);
        assertThat(ready.path("reason").isNull() || ready.path("reason").isMissingNode()).isTrue();
        JsonNode forecast = system.scenarios().forecast(unpinned);
        assertThat(forecast.path("datasetVersion").asText()).isEqualTo(good);
        assertThat(forecast.path("products").path(PRODUCT).path("2023").path("network").isObject()).isTrue();
    }

    private static String document(String name, String pin) {
        return """
                {"name": "e2e current data: %s %s",%s "baseYear": 2023, "horizon": 2023, "products": ["%s"],
                 "events": [{"type": "TARIFF", "year": 2023, "importers": ["USA"], "exporters": ["CHN"],
                             "rate": 0.10, "mode": "add"}]}""".formatted(name, UUID.randomUUID(),
                pin == null ? "" : " \"datasetVersion\": \"" + pin + "\",", PRODUCT);
    }

    private static JsonNode awaitStatus(String id, String status) {
        return Deadline.await("scenario " + id + " " + status, PIPELINE, Duration.ofMillis(250), () -> {
            JsonNode s = system.scenarios().status(id);
            return status.equals(s.path("status").asText()) ? Optional.of(s) : Optional.empty();
        });
    }

    private static String current() {
        return system.http().get(ingest("/datasets/current")).expect(200, "GET /datasets/current").json()
                .path("version").asText();
    }

    private static void makeCurrent(String version) {
        system.http(Roles.OPERATOR).putJson(ingest("/datasets/current"), "{\"version\": \"" + version + "\"}")
                .expect(200, "PUT /datasets/current " + version);
    }

    private static String ingest(String path) {
        return system.url(ServiceSpec.INGEST) + path;
    }

    private static String scenario(String path) {
        return system.url(ServiceSpec.SCENARIO) + path;
    }

    /**
     * The demo data of {@code years} only, each year file keeping the rows {@code keep} accepts,
     * plus {@code extraRow} when given.
     */
    private static Path dataset(String name, List<Integer> years, java.util.function.Predicate<String> keep,
                                String extraRow) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Path demo = SharedSystem.home().resolve("data/rare-earth-demo");
        try (Stream<Path> files = Files.list(demo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String file = f.getFileName().toString();
                if (!file.startsWith("BACI_HS17_Y")) {
                    Files.copy(f, dir.resolve(file));
                } else if (years.stream().anyMatch(y -> file.contains("_Y" + y + "_"))) {
                    List<String> lines = Files.readAllLines(f);
                    List<String> kept = new java.util.ArrayList<>();
                    kept.add(lines.get(0));
                    lines.stream().skip(1).filter(keep).forEach(kept::add);
                    if (extraRow != null) {
                        kept.add(extraRow);
                    }
                    Files.write(dir.resolve(file), kept);
                }
            }
        }
        return dir;
    }
}
