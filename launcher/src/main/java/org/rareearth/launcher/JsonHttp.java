package org.rareearth.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.rareearth.shared.events.EventCodec;

/**
 * JSON over HTTP with the JDK client; a response is status plus parsed body. Every request carries the
 * bearer token the instance was made with ({@link #withToken}), if any (README "Tokens").
 */
public final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient client;
    private final String token;

    public JsonHttp(HttpClient client) {
        this(client, null);
    }

    private JsonHttp(HttpClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public JsonHttp withToken(String bearerToken) {
        return new JsonHttp(client, bearerToken);
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpClient client() {
        return client;
    }

    public static ObjectMapper mapper() {
        return EventCodec.mapper();
    }

    public record Reply(int status, String text) {

        public JsonNode json() {
            try {
                return text == null || text.isBlank() ? mapper().nullNode() : mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("answer is not JSON (status " + status + "): " + abbreviate(text), e);
            }
        }

        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected HTTP " + expected + ", got " + status + ": "
                        + abbreviate(text));
            }
            return this;
        }

        private static String abbreviate(String text) {
            return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "..." : text;
        }
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    public Reply postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply putJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply post(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Reply send(HttpRequest unauthenticated) {
        HttpRequest request = token == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (name, value) -> true)
                        .header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
