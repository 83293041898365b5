package org.rareearth.network.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One computed metrics event (table {@code metrics}), keyed by {@code metricsKey()};
 * {@code published} turns true once the broker acknowledged it on network.metrics.
 */
@Entity
@Table(name = "metrics")
public class MetricsRecord extends PanacheEntityBase {

    @Id
    @Column(name = "metrics_key", length = 1024)
    public String metricsKey;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    /** Null for observed networks. */
    @Column(name = "scenario_version")
    public Integer scenarioVersion;

    @Column(name = "dataset_version")
    public String datasetVersion;

    /** Null only for a failure that concerns no single product (an invalid scenario document). */
    @Column(length = 16)
    public String product;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(nullable = false)
    public boolean published;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Insertion order (filled by the database): the newest data-set version is the one stored last. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
