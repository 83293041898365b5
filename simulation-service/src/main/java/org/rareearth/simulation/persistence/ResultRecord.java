package org.rareearth.simulation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One computed result event (table {@code result}), keyed by {@code resultKey()}; {@code published}
 * turns true once the broker acknowledged it on simulation.results.
 */
@Entity
@Table(name = "result")
public class ResultRecord extends PanacheEntityBase {

    @Id
    @Column(name = "result_key", length = 1024)
    public String resultKey;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    @Column(name = "scenario_version", nullable = false)
    public int scenarioVersion;

    @Column(name = "dataset_version", nullable = false)
    public String datasetVersion;

    @Column(length = 16)
    public String product;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(columnDefinition = "text")
    public String error;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(nullable = false)
    public boolean published;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Insertion order (filled by the database), for listing results as they were computed. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
