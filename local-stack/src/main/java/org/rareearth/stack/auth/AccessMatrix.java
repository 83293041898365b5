package org.rareearth.stack.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rareearth.shared.auth.Roles;

/**
 * The access tests of a service (README "Tokens"): every operation of its OpenAPI document must have a
 * rule (the roles allowed), and for every operation the answers must be, in order, 401 without a token,
 * 401 with an expired one, 401 with a wrong signature, 401 with a wrong issuer or audience, 403 with a
 * valid token of a role not allowed, and the operation's own answer (neither 401 nor 403) with each
 * allowed role. The requests carry placeholder path parameters and an empty JSON object as body, so a
 * right role typically gets 404 or 400: that is the operation's normal answer, not an access decision.
 */
public final class AccessMatrix {

    /** A role no operation allows: the "wrong role" of an operation every real role may call. */
    public static final String NO_ROLE = "guest";
    private static final String SUBJECT = "matrix-user";
    private static final String TEAM = "matrix-team";
    private static final String PLACEHOLDER = "1";
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final LocalTokens tokens;
    private final HttpClient client = HttpClient.newHttpClient();

    public AccessMatrix(URI base, LocalTokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** What a service serves without a token: health, metrics and the OpenAPI document (README "Tokens"). */
    public static final List<String> OPEN_PATHS = List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi");

    /**
     * The access problems of the service at {@code base} against {@code rules}: operations of its OpenAPI
     * document without a rule, rules of operations it does not document, or no operation at all.
     */
    public static List<String> unruled(URI base, Map<String, Set<String>> rules) {
        List<OpenApiOperations.Operation> documented = OpenApiOperations.read(base);
        return documented.isEmpty() ? List.of(base + "q/openapi lists no operation") : unruled(documented, rules);
    }

    /** Every answer of the service at {@code base} that differs from its rule (tokens of the test JVM's key pair). */
    public static List<String> violations(URI base, LocalTokens tokens, Map<String, Set<String>> rules) {
        return new AccessMatrix(base, tokens).violations(OpenApiOperations.read(base), rules);
    }

    /** The status of a GET of {@code path} without any token. */
    public static int statusWithoutToken(URI base, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + path, e);
        }
    }

    /** Operations of the document without a rule, and rules of operations the document does not list. */
    public static List<String> unruled(List<OpenApiOperations.Operation> documented, Map<String, Set<String>> rules) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (OpenApiOperations.Operation operation : documented) {
            keys.add(operation.key());
            if (!rules.containsKey(operation.key())) {
                problems.add(operation.key() + ": no access rule");
            }
        }
        rules.keySet().stream().filter(k -> !keys.contains(k)).forEach(k -> problems.add(k + ": rule of an undocumented operation"));
        return problems;
    }

    /** Every answer that differs from the expected one, as "operation: case -> got, expected". */
    public List<String> violations(List<OpenApiOperations.Operation> documented, Map<String, Set<String>> rules) {
        List<String> violations = new ArrayList<>();
        for (OpenApiOperations.Operation operation : documented) {
            Set<String> allowed = rules.getOrDefault(operation.key(), Set.of());
            List<String> anyAllowed = List.of(allowed.isEmpty() ? Roles.VIEWER : allowed.iterator().next());
            Map<String, String> unauthenticated = new LinkedHashMap<>();
            unauthenticated.put("no token", null);
            unauthenticated.put("expired token", tokens.expired(SUBJECT, TEAM, anyAllowed));
            unauthenticated.put("wrong signature", tokens.signedByAnotherKey(SUBJECT, TEAM, anyAllowed));
            unauthenticated.put("wrong issuer", tokens.ofIssuer("someone-else", SUBJECT, TEAM, anyAllowed));
            unauthenticated.put("wrong audience", tokens.ofAudience("another-system", SUBJECT, TEAM, anyAllowed));
            unauthenticated.forEach((name, token) -> expect(violations, operation, name, token, UNAUTHORIZED));
            List<String> forbidden = new ArrayList<>(Roles.ALL.stream().filter(r -> !allowed.contains(r)).toList());
            forbidden.add(NO_ROLE);
            for (String role : forbidden) {
                expect(violations, operation, "role " + role, tokens.token(SUBJECT, TEAM, List.of(role)), FORBIDDEN);
            }
            for (String role : allowed) {
                int status = send(operation, tokens.token(SUBJECT, TEAM, List.of(role)));
                if (status == UNAUTHORIZED || status == FORBIDDEN) {
                    violations.add(operation.key() + ": role " + role + " -> " + status + ", expected its own answer");
                }
            }
        }
        return violations;
    }

    private void expect(List<String> violations, OpenApiOperations.Operation operation, String name, String token,
                        int expected) {
        int status = send(operation, token);
        if (status != expected) {
            violations.add(operation.key() + ": " + name + " -> " + status + ", expected " + expected);
        }
    }

    private int send(OpenApiOperations.Operation operation, String token) {
        String path = operation.path().replaceAll("\\{[^}]+}", PLACEHOLDER);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (operation.contentType() != null) {
            request.header("Content-Type", operation.contentType());
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(operation.key() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + operation.key(), e);
        }
    }
}
