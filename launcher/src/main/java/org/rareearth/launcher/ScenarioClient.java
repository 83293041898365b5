package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** scenario-service's REST API as the launcher, the tests and the latency driver use it. */
public final class ScenarioClient {

    /** The 201 of POST /scenarios and POST /scenarios/{id}/events. */
    public record Accepted(String id, int version, String status) {
    }

    private final JsonHttp http;
    private final String baseUrl;

    public ScenarioClient(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    public Accepted create(String document) {
        return accepted(http.postJson(baseUrl + "/scenarios", document).expect(201, "POST /scenarios").json());
    }

    public Accepted appendEvent(String id, String event) {
        return accepted(http.postJson(baseUrl + "/scenarios/" + id + "/events", event)
                .expect(201, "POST /scenarios/" + id + "/events").json());
    }

    public JsonNode status(String id) {
        return http.get(baseUrl + "/scenarios/" + id + "/status").expect(200, "GET /scenarios/" + id + "/status").json();
    }

    /** Waits until version {@code version} (or a later one) is ready or failed; returns that status. */
    public JsonNode awaitSettled(String id, int version, Duration deadline) {
        return Deadline.await("scenario " + id + " version " + version + " ready or failed", deadline,
                Duration.ofMillis(250), () -> {
                    JsonNode status = status(id);
                    String s = status.path("status").asText();
                    boolean settled = "ready".equals(s) || "failed".equals(s);
                    return settled && status.path("version").asInt() >= version ? Optional.of(status) : Optional.empty();
                });
    }

    public JsonNode forecast(String id) {
        return http.get(baseUrl + "/scenarios/" + id + "/forecast").expect(200, "GET /scenarios/" + id + "/forecast").json();
    }

    private static Accepted accepted(JsonNode json) {
        return new Accepted(json.path("id").asText(), json.path("version").asInt(), json.path("status").asText());
    }
}
