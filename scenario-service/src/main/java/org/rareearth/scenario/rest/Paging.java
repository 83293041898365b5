package org.rareearth.scenario.rest;

import jakarta.ws.rs.BadRequestException;
import java.util.Optional;

/**
 * A page of a list: {@code offset} items skipped, at most {@code limit} returned. The limit is
 * bounded so that no answer grows with the number of scenarios stored.
 */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 500;

    /**
     * The page asked for by the query parameters (absent = defaults).
     *
     * @throws BadRequestException a value that is not a whole number or out of range (400)
     */
    static Paging of(String offset, String limit) {
        int o = parse("offset", offset, 0);
        int l = parse("limit", limit, DEFAULT_LIMIT);
        if (o < 0) {
            throw new BadRequestException("offset must be >= 0, was " + o);
        }
        if (l < MIN_LIMIT || l > MAX_LIMIT) {
            throw new BadRequestException("limit must be " + MIN_LIMIT + ".." + MAX_LIMIT + ", was " + l);
        }
        return new Paging(o, l);
    }

    /** The following page, if {@code total} items leave one. */
    Optional<Paging> next(long total) {
        long following = (long) offset + limit;
        return following < total ? Optional.of(new Paging((int) following, limit)) : Optional.empty();
    }

    private static int parse(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, was \"" + value + "\"");
        }
    }
}
