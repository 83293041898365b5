package org.rareearth.scenario.core;

import java.util.Objects;
import java.util.Set;

/**
 * Who makes a call: the token's subject, team (the {@code team} claim, else the subject: a caller
 * without a team is a team of one) and roles.
 */
public record Caller(String subject, String team, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        team = team == null || team.isBlank() ? subject : team;
        roles = Set.copyOf(roles);
    }
}
