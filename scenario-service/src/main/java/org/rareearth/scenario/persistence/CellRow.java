package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.rareearth.shared.events.ComputationStatus;

/**
 * What every downstream answer about one cell of a scenario version (scenario, version, data
 * set, product, year) records, whether a simulation result or network metrics: the read model
 * keeps both with these columns and their own payload.
 */
@MappedSuperclass
public abstract class CellRow extends PanacheEntityBase {

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

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Fills the cell columns; received now. */
    void cell(String scenarioId, int scenarioVersion, String datasetVersion, String product, int year,
              ComputationStatus status, String error, String dataNotice) {
        this.scenarioId = scenarioId;
        this.scenarioVersion = scenarioVersion;
        this.datasetVersion = datasetVersion;
        this.product = product;
        this.year = year;
        this.status = status.name();
        this.error = error;
        this.dataNotice = dataNotice;
        this.receivedAt = Instant.now();
    }
}
