package org.rareearth.simulation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * Stopping rules of the Newton solver (MODEL.md 3 and 12), from {@code rareearth.simulation.solver.*};
 * the defaults are MODEL.md 12's, the same as the command line's.
 */
@ConfigMapping(prefix = "rareearth.simulation.solver")
public interface SolverConfig {

    /** Converged when {@code max|F|} is below this. */
    @WithDefault("1e-10")
    double tolerance();

    /** Newton steps before a year counts as unsolvable. */
    @WithDefault("100")
    int maxIterations();

    /** Smallest backtracking step before a year counts as unsolvable. */
    @WithDefault("1e-12")
    double minStep();

    default SolverSettings settings() {
        return new SolverSettings(tolerance(), maxIterations(), minStep());
    }
}
