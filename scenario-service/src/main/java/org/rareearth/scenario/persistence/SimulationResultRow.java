package org.rareearth.scenario.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** Read model of one SimulationResultEvent (table simulation_result); JSON columns hold the scenario solution. */
@Entity
@Table(name = "simulation_result")
public class SimulationResultRow extends CellRow {

    @Id
    @Column(name = "result_key")
    public String resultKey;

    @Column(name = "world_prices", columnDefinition = "text")
    public String worldPrices;

    @Column(name = "composite_prices", columnDefinition = "text")
    public String compositePrices;

    @Column(columnDefinition = "text")
    public String flows;

    @Column(columnDefinition = "text")
    public String welfare;

    public static List<SimulationResultRow> ofVersion(String scenarioId, int version) {
        return list("scenarioId = ?1 and scenarioVersion = ?2 order by receivedAt, resultKey", scenarioId, version);
    }
}
