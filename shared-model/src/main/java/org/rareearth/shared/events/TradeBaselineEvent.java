package org.rareearth.shared.events;

import java.util.List;
import java.util.Objects;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.shared.values.Hs6;
import org.rareearth.shared.values.Iso3;

/**
 * Topic {@code trade.baseline}: the observed flows of one product in one year of one data-set
 * version, with the baseline tariffs in force on them. Key {@link #key()}; compacted.
 *
 * @param datasetVersion content hash of the data set: the same content always has the same version
 * @param datasetYears   every year of this data-set version (so a consumer knows the catalogue)
 * @param datasetProducts every product of this data-set version
 * @param dataNotice     provenance that every output made from these data must repeat
 * @param flows          foreign (and, where known, domestic) flows, thousand USD
 * @param tariffs        import tariff in force for each flow that has one (pairs without an entry: 0)
 */
public record TradeBaselineEvent(int schemaVersion, String datasetVersion, int year, String product,
                                 List<Integer> datasetYears, List<String> datasetProducts, String dataNotice,
                                 List<Flow> flows, List<Tariff> tariffs) implements SchemaVersioned {

    public static final int SCHEMA_VERSION = 1;

    public TradeBaselineEvent {
        Objects.requireNonNull(datasetVersion, "datasetVersion");
        Hs6.of(product);
        datasetYears = List.copyOf(Objects.requireNonNull(datasetYears, "datasetYears"));
        datasetProducts = List.copyOf(Objects.requireNonNull(datasetProducts, "datasetProducts"));
        flows = List.copyOf(Objects.requireNonNull(flows, "flows"));
        tariffs = List.copyOf(Objects.requireNonNullElse(tariffs, List.of()));
    }

    /** One flow exporter -> importer; {@code quantity} in metric tons, {@code null} when unknown. */
    public record Flow(String exporter, String importer, double value, Double quantity) {
        public Flow {
            Iso3.of(exporter);
            Iso3.of(importer);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("flow " + exporter + "->" + importer + ": value must be finite and >= 0, was " + value);
            }
        }
    }

    /** The import tariff {@code importer} applies on {@code exporter}'s goods (fraction). */
    public record Tariff(String importer, String exporter, double rate) {
        public Tariff {
            Iso3.of(importer);
            Iso3.of(exporter);
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("tariff " + importer + " on " + exporter + ": rate must be finite and >= 0, was " + rate);
            }
        }
    }

    public static String key(String datasetVersion, int year, String product) {
        return datasetVersion + ":" + year + ":" + product;
    }

    public String key() {
        return key(datasetVersion, year, product);
    }

    /** The flows as trade records of this year and product. */
    public List<TradeFlow> tradeFlows() {
        return flows.stream()
                .map(f -> new TradeFlow(year, f.exporter(), f.importer(), product, f.value(),
                        f.quantity() == null ? Double.NaN : f.quantity()))
                .toList();
    }

    public TradeMatrix matrix() {
        return TradeMatrix.sumOf(tradeFlows());
    }

    /** The tariff on {@code exporter -> importer}, 0 when none is listed. */
    public double tariff(String exporter, String importer) {
        for (Tariff t : tariffs) {
            if (t.exporter().equals(exporter) && t.importer().equals(importer)) {
                return t.rate();
            }
        }
        return 0.0;
    }
}
