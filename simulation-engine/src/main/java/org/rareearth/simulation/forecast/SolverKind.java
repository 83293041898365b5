package org.rareearth.simulation.forecast;

import java.util.Locale;

/** Which equilibrium solver a forecast uses (MODEL.md 3). */
public enum SolverKind {
    /** The Armington model solved exactly by damped Newton (the default). */
    NONLINEAR,
    /** The Francois-Hall linear GSIM approximation: first order in the shock. */
    LINEAR;

    /** The name results carry: {@code nonlinear} or {@code linear}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
