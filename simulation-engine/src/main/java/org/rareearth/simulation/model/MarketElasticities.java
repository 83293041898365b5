package org.rareearth.simulation.model;

import java.util.Arrays;

/**
 * Elasticities per country of one market, indexed like the market's countries (MODEL.md 1):
 * {@code sigma[j]} and {@code eta[j]} of importing market {@code j}, {@code eps[i]} of exporter {@code i}.
 */
public record MarketElasticities(double[] sigma, double[] eta, double[] eps) {

    public MarketElasticities {
        if (sigma.length != eta.length || sigma.length != eps.length) {
            throw new IllegalArgumentException("sigma, eta and eps must have one entry per country");
        }
        sigma = sigma.clone();
        eta = eta.clone();
        eps = eps.clone();
    }

    /** The same three values for every one of {@code n} countries. */
    public static MarketElasticities uniform(int n, double sigma, double eta, double eps) {
        double[] s = new double[n];
        double[] e = new double[n];
        double[] x = new double[n];
        Arrays.fill(s, sigma);
        Arrays.fill(e, eta);
        Arrays.fill(x, eps);
        return new MarketElasticities(s, e, x);
    }

    public int size() {
        return sigma.length;
    }
}
