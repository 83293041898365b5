package org.rareearth.shared.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Default elasticities and their overrides (MODEL.md sections 10 and 11).
 *
 * @param sigma Armington elasticity of substitution (> 0, != 1)
 * @param eta   composite demand elasticity (< 0)
 * @param eps   export supply elasticity (>= 0; {@code Double.POSITIVE_INFINITY} = perfectly elastic)
 */
public record Elasticities(double sigma, double eta, double eps, List<ElasticityOverride> overrides) {

    /** MODEL.md section 10: inside the ranges used for metals and chemicals; not estimates for rare earths. */
    public static final double DEFAULT_SIGMA = 4.0;
    public static final double DEFAULT_ETA = -0.5;
    public static final double DEFAULT_EPS = 2.0;

    public static final Elasticities DEFAULTS = new Elasticities(DEFAULT_SIGMA, DEFAULT_ETA, DEFAULT_EPS, List.of());

    public Elasticities {
        overrides = List.copyOf(Objects.requireNonNullElse(overrides, List.of()));
    }

    public double sigma(String product, String importer) {
        return pick(product, importer, ElasticityOverride::sigma, sigma);
    }

    public double eta(String product, String importer) {
        return pick(product, importer, ElasticityOverride::eta, eta);
    }

    public double eps(String product, String exporter) {
        return pick(product, exporter, ElasticityOverride::eps, eps);
    }

    private double pick(String product, String country, java.util.function.Function<ElasticityOverride, Double> field,
                        double fallback) {
        return overrides.stream()
                .filter(o -> o.appliesTo(product, country) && field.apply(o) != null)
                .max(Comparator.comparingInt(ElasticityOverride::specificity))
                .map(field)
                .orElse(fallback);
    }
}
