package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Read model of one NetworkMetricsEvent of a simulated network (table network_metrics). */
@Entity
@Table(name = "network_metrics")
public class NetworkMetricsRow extends PanacheEntityBase {

    @Id
    @Column(name = "metrics_key")
    public String metricsKey;

    @Column(name = "scenario_id")
    public String scenarioId;

    @Column(name = "scenario_version")
    public int scenarioVersion;

    @Column(name = "dataset_version")
    public String datasetVersion;

    public String product;

    public int year;

    /** OK or FAILED. */
    public String status;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "data_notice", columnDefinition = "text")
    public String dataNotice;

    @Column(columnDefinition = "text")
    public String indicators;

    @Column(columnDefinition = "text")
    public String brokerage;

    @Column(columnDefinition = "text")
    public String comparison;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<NetworkMetricsRow> ofVersion(String scenarioId, int version) {
        return list("scenarioId = ?1 and scenarioVersion = ?2 order by receivedAt, metricsKey", scenarioId, version);
    }
}
