package org.rareearth.shared.scenario;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The allowed range of each number of a policy event ({@link ScenarioBounds}), checked in one
 * place: the records' constructors throw on a {@link Breach}, and {@link ScenarioReader} reports it
 * at the field's path together with the document's other problems.
 */
public enum NumberRule {

    /** {@code rate} of TARIFF, EXPORT_TAX and NTB, {@code externalTariff} of COALITION. */
    RATE(0.0, ScenarioBounds.MAX_RATE, ScenarioBounds.RATE_RANGE, null, ScenarioBounds.RATE_HINT) {
        @Override
        String tooLow() {
            return "must be >= 0";
        }
    },
    /**
     * {@code capShare} of EXPORT_QUOTA and {@code cut} of LIBERALIZATION. The message says the
     * range itself ({@code must be between 0 and 1, was 1.5}), so it repeats no "allowed".
     */
    SHARE(0.0, 1.0, ScenarioBounds.SHARE_RANGE, null, null) {
        @Override
        String tooLow() {
            return between();
        }

        @Override
        String tooHigh() {
            return between();
        }

        @Override
        String rangeSuffix() {
            return null;
        }

        private String between() {
            return "must be between " + plain(min) + " and " + plain(max);
        }
    },
    /** {@code factor} of DEMAND_SHIFT and CAPACITY_SHIFT. */
    FACTOR(ScenarioBounds.MIN_FACTOR, ScenarioBounds.MAX_FACTOR, ScenarioBounds.FACTOR_RANGE,
            ScenarioBounds.FACTOR_HINT, null),
    /** {@code annualGrowth} of DEMAND_SHIFT and CAPACITY_SHIFT. */
    ANNUAL_GROWTH(ScenarioBounds.MIN_ANNUAL_GROWTH, ScenarioBounds.MAX_ANNUAL_GROWTH,
            ScenarioBounds.ANNUAL_GROWTH_RANGE, null, null);

    final double min;
    final double max;
    private final String range;
    private final String lowHint;
    private final String highHint;

    NumberRule(double min, double max, String range, String lowHint, String highHint) {
        this.min = min;
        this.max = max;
        this.range = range;
        this.lowHint = lowHint;
        this.highHint = highHint;
    }

    /** The range as the messages write it, e.g. {@code 0 to 10 (0 % to 1000 %)}. */
    public String range() {
        return range;
    }

    /** What is wrong with {@code x}, or empty when it is allowed (the bounds are inclusive). */
    public Optional<Breach> breach(double x) {
        if (!Double.isFinite(x)) {
            return Optional.of(new Breach("must be a finite number", range, null));
        }
        if (x < min) {
            return Optional.of(new Breach(tooLow(), rangeSuffix(), lowHint));
        }
        if (x > max) {
            return Optional.of(new Breach(tooHigh(), rangeSuffix(), highHint));
        }
        return Optional.empty();
    }

    String tooLow() {
        return "must be at least " + plain(min);
    }

    String tooHigh() {
        return "must be at most " + plain(max);
    }

    /** The range a breach repeats after the value, or {@code null} when the rule says it already. */
    String rangeSuffix() {
        return range;
    }

    /** A bound as written in messages: {@code 10}, {@code 0.001}, {@code -0.5}. */
    static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    /**
     * Why a number is not allowed.
     *
     * @param rule    e.g. {@code must be at most 10}
     * @param allowed the allowed range to repeat, or {@code null}
     * @param hint    how to write what was probably meant, or {@code null}
     */
    public record Breach(String rule, String allowed, String hint) {

        /** {@code must be at most 10, was 1.0E308; allowed: 0 to 10 (0 % to 1000 %); a prohibitive ...}. */
        public String message(String was) {
            return rule + ", was " + was + (allowed == null ? "" : "; allowed: " + allowed)
                    + (hint == null ? "" : "; " + hint);
        }
    }
}
