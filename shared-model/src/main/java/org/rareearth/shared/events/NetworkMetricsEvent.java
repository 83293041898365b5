package org.rareearth.shared.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Topic {@code network.metrics}, key {@code scenarioId} ({@code "observed"} for observed networks):
 * the indicators of one network (MODEL.md 8) of one year and product, and for a simulated network
 * its comparison with the baseline network of the same year (MODEL.md 9). The contract for
 * dashboards; documented in docs/events.md.
 *
 * @param scenarioVersion {@code null} for observed networks
 * @param source          {@code observed} or {@code simulated}
 * @param brokerage       who mediates {@code CHN -> USA} trade (null when either is absent)
 * @param comparison      null for observed networks
 */
public record NetworkMetricsEvent(int schemaVersion, String scenarioId, Integer scenarioVersion, String datasetVersion,
                                  String product, int year, String source, ComputationStatus status, String error,
                                  String dataNotice, double threshold, Indicators indicators,
                                  Map<String, CountryMetrics> countries, Brokerage brokerage, Comparison comparison)
        implements SchemaVersioned {

    public static final int SCHEMA_VERSION = 1;
    public static final String SOURCE_OBSERVED = "observed";
    public static final String SOURCE_SIMULATED = "simulated";

    public NetworkMetricsEvent {
        Objects.requireNonNull(scenarioId, "scenarioId");
        Objects.requireNonNull(status, "status");
        if (status == ComputationStatus.OK) {
            Objects.requireNonNull(indicators, "indicators");
        } else {
            Objects.requireNonNull(error, "error");
        }
    }

    /** Idempotency key: the same key twice is the same computation. */
    public String metricsKey() {
        return scenarioId + ":" + scenarioVersion + ":" + datasetVersion + ":" + product + ":" + year;
    }

    /** The whole-network indicators under the names MODEL.md 8 uses. */
    public record Indicators(int nodes, int edges, Double density, Double reciprocity, Double avgClustering,
                             Double avgPathLength, Integer diameter, Double degreeCentralization, Double exportHHI,
                             Double importHHI, Double cr1, Double cr3, int communities, Double modularity,
                             Double intraCommunityShare) {
    }

    public record CountryMetrics(int inDegree, int outDegree, double inStrength, double outStrength, Double pageRank,
                                 Double betweenness, Double supplierHHI, Double largestSupplierShare, int community) {
    }

    public record Brokerage(String from, String to, double direct, double totalTwoStep, List<Broker> brokers) {
    }

    public record Broker(String country, double flow, double share) {
    }

    /** Scenario against the baseline network of the same year: changes are scenario minus baseline. */
    public record Comparison(Map<String, Double> indicatorChanges, double nmi, double ari, double jensenShannon,
                             double edgeJaccard) {
    }
}
