package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A scenario and which of its versions is current (table scenario). */
@Entity
@Table(name = "scenario")
public class ScenarioEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(columnDefinition = "text")
    public String name;

    @Column(name = "current_version")
    public int currentVersion;

    public boolean archived;

    @Column(name = "archive_published")
    public boolean archivePublished;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The creator's team (token claim team, else subject); null for a scenario stored before ownership. */
    @Column(name = "owner_team", columnDefinition = "text")
    public String ownerTeam;

    /** The owning team shares it: other teams' analysts may read it (never change it). */
    public boolean shared;
}
