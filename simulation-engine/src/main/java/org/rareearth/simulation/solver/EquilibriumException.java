package org.rareearth.simulation.solver;

/**
 * No equilibrium was found (or none can be represented by the chosen solver). The message says what
 * failed, after how many iterations, the largest residual and the country where it sits.
 */
public class EquilibriumException extends RuntimeException {

    private final int iterations;
    private final double maxResidual;
    private final String worstCountry;

    public EquilibriumException(String message, int iterations, double maxResidual, String worstCountry) {
        super(message);
        this.iterations = iterations;
        this.maxResidual = maxResidual;
        this.worstCountry = worstCountry;
    }

    /** A failure that is not about iterating (e.g. a policy the linear solver cannot represent). */
    public EquilibriumException(String message) {
        this(message, 0, Double.NaN, null);
    }

    public int iterations() {
        return iterations;
    }

    public double maxResidual() {
        return maxResidual;
    }

    /** ISO3 of the country with the largest residual, {@code null} when not applicable. */
    public String worstCountry() {
        return worstCountry;
    }
}
