package org.rareearth.scenario.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.rareearth.shared.auth.Roles;
import org.rareearth.scenario.core.Caller;

/** The {@link Caller} of a REST call, from its verified token (subject, {@code team} claim, roles). */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        JsonWebToken jwt = security.getUserPrincipal() instanceof JsonWebToken t ? t : null;
        // the subject claim, not the principal's name (which an identity provider may take from upn or a username)
        String subject = jwt != null && jwt.getSubject() != null ? jwt.getSubject() : security.getUserPrincipal().getName();
        Object claim = jwt == null ? null : jwt.getClaim(Roles.TEAM_CLAIM);
        String team = claim == null ? null : text(claim);
        Set<String> roles = Roles.ALL.stream().filter(security::isUserInRole).collect(Collectors.toSet());
        return new Caller(subject, team, roles);
    }

    /** A string claim may arrive as a JSON string value (quoted by some readers): its text. */
    private static String text(Object claim) {
        return claim instanceof jakarta.json.JsonString js ? js.getString() : claim.toString();
    }
}
