package org.rareearth.shared.scenario;

/**
 * The JSON field names of a policy event (MODEL.md 11), written once: {@link PolicyEventType}
 * lists each type's fields with them, {@link ScenarioReader} reads and {@link ScenarioWriter}
 * writes them, and {@link InvalidEventException} names them.
 */
public final class EventFields {

    public static final String TYPE = "type";
    public static final String YEAR = "year";
    public static final String PRODUCTS = "products";
    public static final String EXPORTERS = "exporters";
    public static final String IMPORTERS = "importers";
    public static final String EXPORTER = "exporter";
    public static final String MEMBERS = "members";
    public static final String COUNTRIES = "countries";
    public static final String RATE = "rate";
    public static final String MODE = "mode";
    public static final String CAP_SHARE = "capShare";
    public static final String DISCRIMINATORY = "discriminatory";
    public static final String EXTERNAL_TARIFF = "externalTariff";
    public static final String CUT = "cut";
    public static final String FACTOR = "factor";
    public static final String ANNUAL_GROWTH = "annualGrowth";

    private EventFields() {
    }
}
