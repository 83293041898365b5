package org.rareearth.scenario.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.auth.Roles;
import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.auth.AccessMatrix;

/**
 * Who may call what (README "Tokens", the role column of the service README): the rule of every
 * operation of the OpenAPI document, and its answers to the six token cases (no token, expired, wrong
 * signature, wrong issuer or audience: 401; wrong role: 403; right role: the operation's own answer).
 * A new operation without a rule here fails {@link #everyOperationOfTheOpenApiDocumentHasARule}; one
 * without {@code @RolesAllowed} is refused to every role (deny by default) and fails the matrix.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class AccessRulesTest {

    /** The roles allowed per operation: the table the service README shows. */
    static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("GET /catalog", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)),
            Map.entry("POST /scenarios", Set.of(Roles.ANALYST)),
            Map.entry("GET /scenarios", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)),
            Map.entry("GET /scenarios/{id}", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)),
            Map.entry("POST /scenarios/{id}/events", Set.of(Roles.ANALYST)),
            Map.entry("DELETE /scenarios/{id}", Set.of(Roles.ANALYST)),
            Map.entry("PUT /scenarios/{id}/sharing", Set.of(Roles.ANALYST)),
            Map.entry("GET /scenarios/{id}/versions", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)),
            Map.entry("GET /scenarios/{id}/status", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)),
            Map.entry("GET /scenarios/{id}/forecast", Set.of(Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR)));

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationOfTheOpenApiDocumentHasARule() {
        assertThat(AccessMatrix.unruled(base, RULES)).isEmpty();
    }

    @Test
    void everyOperationAnswersEachTokenCaseAsItsRuleSays() {
        assertThat(AccessMatrix.violations(base, LocalStackResource.tokens(), RULES)).isEmpty();
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentNeedNoToken() {
        AccessMatrix.OPEN_PATHS.forEach(path -> assertThat(AccessMatrix.statusWithoutToken(base, path)).as(path).isEqualTo(200));
    }

}
