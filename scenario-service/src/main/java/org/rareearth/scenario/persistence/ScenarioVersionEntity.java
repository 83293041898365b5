package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a scenario: its document and the status of its computation (table scenario_version). */
@Entity
@Table(name = "scenario_version")
public class ScenarioVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "scenario_id")
    public String scenarioId;

    public int version;

    @Column(columnDefinition = "text")
    public String document;

    @Column(name = "base_year")
    public int baseYear;

    public Integer horizon;

    /** JSON array of the document's products; empty = every product of the data. */
    @Column(columnDefinition = "text")
    public String products;

    @Column(name = "requested_at")
    public Instant requestedAt;

    public boolean published;

    /** Token subject of whoever made this version; null for a version stored before the audit trail. */
    @Column(name = "created_by", columnDefinition = "text")
    public String createdBy;

    /** {@link org.rareearth.scenario.core.ScenarioStatus} name. */
    public String status;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(name = "dataset_version")
    public String datasetVersion;

    public int expected;

    public int received;

    public static ScenarioVersionEntity of(String scenarioId, int version) {
        return find("scenarioId = ?1 and version = ?2", scenarioId, version).firstResult();
    }

    /** The version, locked until the transaction ends: events of one version are applied one at a time. */
    public static ScenarioVersionEntity lockedOf(String scenarioId, int version) {
        return find("scenarioId = ?1 and version = ?2", scenarioId, version)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
