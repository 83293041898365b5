package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Read model of one SimulationResultEvent (table simulation_result); JSON columns hold the scenario solution. */
@Entity
@Table(name = "simulation_result")
public class SimulationResultRow extends PanacheEntityBase {

    @Id
    @Column(name = "result_key")
    public String resultKey;

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

    @Column(name = "world_prices", columnDefinition = "text")
    public String worldPrices;

    @Column(name = "composite_prices", columnDefinition = "text")
    public String compositePrices;

    @Column(columnDefinition = "text")
    public String flows;

    @Column(columnDefinition = "text")
    public String welfare;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static List<SimulationResultRow> ofVersion(String scenarioId, int version) {
        return list("scenarioId = ?1 and scenarioVersion = ?2 order by receivedAt, resultKey", scenarioId, version);
    }
}
