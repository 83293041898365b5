package org.rareearth.shared.auth;

import java.util.List;

/**
 * The roles and token claims of the REST APIs (README "Tokens"), the one place their names come from:
 * every resource method names its roles with these constants, and the local token fixture
 * (local-stack's LocalTokens) issues tokens with them.
 *
 * <p>A token carries its roles in the {@code groups} claim (MicroProfile JWT; for Keycloak realm roles set
 * {@code smallrye.jwt.path.groups=realm_access/roles}) and the caller's team in {@link #TEAM_CLAIM}.
 * Analysts and operators read everything a viewer reads, so a read names all three roles.
 */
public final class Roles {

    /** Reads scenarios, forecasts, results, metrics and the dashboard's data. */
    public static final String VIEWER = "viewer";
    /** Creates scenarios, appends policy events, archives scenarios; reads like a viewer. */
    public static final String ANALYST = "analyst";
    /** Uploads, chooses and cancels data sets, reads problem reports; reads like a viewer. */
    public static final String OPERATOR = "operator";

    /** The claim naming the caller's team (scenario ownership builds on it). */
    public static final String TEAM_CLAIM = "team";

    /** Every role, in the order the docs list them. */
    public static final List<String> ALL = List.of(VIEWER, ANALYST, OPERATOR);

    private Roles() {
    }
}
