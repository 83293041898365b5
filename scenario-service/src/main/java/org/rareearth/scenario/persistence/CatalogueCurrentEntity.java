package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One activation received on dataset.current (table catalogue_current); the highest sequence is current. */
@Entity
@Table(name = "catalogue_current")
public class CatalogueCurrentEntity extends PanacheEntityBase {

    @Id
    public Long sequence;

    @Column(name = "dataset_version", nullable = false)
    public String datasetVersion;

    @Column(name = "activated_at", columnDefinition = "text")
    public String activatedAt;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
