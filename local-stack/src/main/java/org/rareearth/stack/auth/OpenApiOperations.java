package org.rareearth.stack.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every operation a service's OpenAPI document ({@code /q/openapi}) lists: what the access tests enumerate. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One operation: {@code GET /scenarios/{id}}, with the first content type its request body accepts (or null). */
    public record Operation(String method, String path, String contentType) {

        /** The key the access rules use: method and path template, e.g. {@code GET /scenarios/{id}}. */
        public String key() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    /** Reads the document of the service at {@code base} (it needs no token). */
    public static List<Operation> read(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode() + ": " + response.body());
            }
            return parse(new ObjectMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the OpenAPI document of " + base, e);
        }
    }

    static List<Operation> parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue; // "parameters", "summary": shared by the path's operations, not an operation
                }
                Iterator<String> types = method.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        types.hasNext() ? types.next() : null));
            }
        }
        return operations;
    }
}
