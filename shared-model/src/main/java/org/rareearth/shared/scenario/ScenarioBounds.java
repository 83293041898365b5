package org.rareearth.shared.scenario;

/**
 * The allowed range of every number of a scenario document (MODEL.md 11; the reasons are in
 * docs/model-choices.md, "Bounds of the numbers"). The ranges are wide enough for any policy an
 * analyst models, and narrow enough that the equilibrium stays far from the limits of floating
 * point: without them a {@code rate} of {@code 1e308} solved to a composite price of 9e307 and a
 * welfare change of -5.7e159, and an {@code annualGrowth} of {@code 1e6} to values near 1e20.
 *
 * <p>{@link ScenarioReader} checks each field; the simulation checks what fields can only reach
 * together (rates accumulated by {@code mode: add}, shifts multiplied over the years) against the
 * same limits when it applies the events.
 */
public final class ScenarioBounds {

    /**
     * Largest ad-valorem rate ({@code rate} of TARIFF, EXPORT_TAX and NTB, {@code externalTariff}
     * of COALITION), also for a rate accumulated by {@code mode: add}: 10 = 1000 %, above every
     * tariff on record. A higher barrier is prohibitive, which an EMBARGO expresses exactly.
     */
    public static final double MAX_RATE = 10.0;
    public static final String RATE_RANGE = "0 to 10 (0 % to 1000 %)";
    public static final String RATE_HINT = "a prohibitive barrier is written as an EMBARGO event";

    /** {@code factor} of DEMAND_SHIFT and CAPACITY_SHIFT: from a 99.9 % fall to a thousandfold rise. */
    public static final double MIN_FACTOR = 0.001;
    public static final double MAX_FACTOR = 1000.0;
    public static final String FACTOR_RANGE = "0.001 to 1000";
    public static final String FACTOR_HINT = "trade that stops altogether is written as an EMBARGO event";

    /** {@code annualGrowth} of the shifts: -50 % to +100 % a year. */
    public static final double MIN_ANNUAL_GROWTH = -0.5;
    public static final double MAX_ANNUAL_GROWTH = 1.0;
    public static final String ANNUAL_GROWTH_RANGE = "-0.5 to 1 (-50 % to +100 % a year)";

    /**
     * The multiplier of one country's {@code A[j]} or {@code K[i]} in one year, all shifts in force
     * multiplied (growth compounded over the years): a millionfold either way.
     */
    public static final double MIN_SHIFT_MULTIPLIER = 1e-6;
    public static final double MAX_SHIFT_MULTIPLIER = 1e6;
    public static final String SHIFT_MULTIPLIER_RANGE = "1e-6 to 1e6";

    /** Armington {@code sigma}: above 0, at most 50, not 1 (the CES formula divides by {@code 1 - sigma}). */
    public static final double MAX_SIGMA = 50.0;
    public static final String SIGMA_RANGE = "above 0 up to 50, except 1";

    /** Composite demand {@code eta}: from -10 up to, not including, 0. */
    public static final double MIN_ETA = -10.0;
    public static final String ETA_RANGE = "-10 up to (not including) 0";

    /** Export supply {@code eps}: 0 to 100, or perfectly elastic ("Infinity"). */
    public static final double MAX_EPS = 100.0;
    public static final String EPS_RANGE = "0 to 100, or \"Infinity\" (perfectly elastic supply)";

    /** {@code capShare} of EXPORT_QUOTA and {@code cut} of LIBERALIZATION: shares. */
    public static final String SHARE_RANGE = "0 to 1";

    private ScenarioBounds() {
    }

    /** Whether {@code rate} is an allowed rate, {@code 0 <= rate <= MAX_RATE}. */
    public static boolean isRate(double rate) {
        return rate >= 0 && rate <= MAX_RATE;
    }

    /** Whether {@code factor} is an allowed shift factor. */
    public static boolean isFactor(double factor) {
        return factor >= MIN_FACTOR && factor <= MAX_FACTOR;
    }

    /** Whether {@code growth} is an allowed annual growth. */
    public static boolean isAnnualGrowth(double growth) {
        return growth >= MIN_ANNUAL_GROWTH && growth <= MAX_ANNUAL_GROWTH;
    }

    /** Whether an accumulated shift multiplier is within range. */
    public static boolean isShiftMultiplier(double multiplier) {
        return multiplier >= MIN_SHIFT_MULTIPLIER && multiplier <= MAX_SHIFT_MULTIPLIER;
    }
}
