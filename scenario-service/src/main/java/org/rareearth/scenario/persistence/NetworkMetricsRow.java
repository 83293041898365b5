package org.rareearth.scenario.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** Read model of one NetworkMetricsEvent of a simulated network (table network_metrics). */
@Entity
@Table(name = "network_metrics")
public class NetworkMetricsRow extends CellRow {

    @Id
    @Column(name = "metrics_key")
    public String metricsKey;

    @Column(columnDefinition = "text")
    public String indicators;

    @Column(columnDefinition = "text")
    public String brokerage;

    @Column(columnDefinition = "text")
    public String comparison;

    public static List<NetworkMetricsRow> ofVersion(String scenarioId, int version) {
        return list("scenarioId = ?1 and scenarioVersion = ?2 order by receivedAt, metricsKey", scenarioId, version);
    }
}
