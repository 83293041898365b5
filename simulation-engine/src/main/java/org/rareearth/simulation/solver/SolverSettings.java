package org.rareearth.simulation.solver;

/**
 * Stopping rules of the Newton solver (MODEL.md 3 and 12).
 *
 * @param tolerance     converged when {@code max|F| < tolerance}
 * @param maxIterations fail after this many Newton steps
 * @param minStep       fail when the backtracking line search needs a step below this
 */
public record SolverSettings(double tolerance, int maxIterations, double minStep) {

    /** MODEL.md 12: {@code max|F| < 1e-10}, 100 iterations, step 1e-12. */
    public static final SolverSettings DEFAULTS = new SolverSettings(1e-10, 100, 1e-12);

    public SolverSettings {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, was " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, was " + maxIterations);
        }
        if (!(minStep > 0 && minStep <= 1)) {
            throw new IllegalArgumentException("minStep must be in (0, 1], was " + minStep);
        }
    }
}
