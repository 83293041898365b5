package org.rareearth.simulation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest version of one scenario (table {@code scenario_request}). */
@Entity
@Table(name = "scenario_request")
public class ScenarioRequestRecord extends PanacheEntityBase {

    @Id
    @Column(name = "scenario_id")
    public String scenarioId;

    @Column(name = "scenario_version", nullable = false)
    public int scenarioVersion;

    @Column(nullable = false)
    public boolean archived;

    @Column(columnDefinition = "text")
    public String document;

    @Column(name = "requested_at", length = 64)
    public String requestedAt;

    /** Token subject of whoever made this version (scenario.requests requestedBy); null when the request had none. */
    @Column(name = "requested_by", columnDefinition = "text")
    public String requestedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
