package org.rareearth.shared.scenario;

/**
 * Replaces some default elasticities for one product, one country, or one country and product.
 * {@code null} fields keep the value they override. {@code sigma} and {@code eta} belong to an
 * importing market, {@code eps} to an exporter (MODEL.md section 1).
 */
public record ElasticityOverride(String product, String country, Double sigma, Double eta, Double eps) {

    public boolean appliesTo(String aProduct, String aCountry) {
        return (product == null || product.equals(aProduct)) && (country == null || country.equals(aCountry));
    }

    /** More specific overrides win: country and product over country over product. */
    public int specificity() {
        return (country != null ? 2 : 0) + (product != null ? 1 : 0);
    }
}
