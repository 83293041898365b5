package org.rareearth.cli;

import java.util.Locale;

/** Which equilibrium solver {@code --solver} asks for (MODEL.md 3). */
enum SolverKind {
    /** The Armington model solved exactly by damped Newton (the default). */
    NONLINEAR,
    /** The Francois-Hall linear GSIM approximation: first order in the shock. */
    LINEAR;

    static SolverKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--solver must be nonlinear or linear, was '" + text + "'");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
