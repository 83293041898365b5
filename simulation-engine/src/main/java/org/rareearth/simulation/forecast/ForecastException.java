package org.rareearth.simulation.forecast;

/** The equilibrium of one forecast year could not be found; the message names the year. */
public final class ForecastException extends RuntimeException {

    private final int year;

    public ForecastException(int year, String message, Throwable cause) {
        super("forecast year " + year + ": " + message, cause);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
