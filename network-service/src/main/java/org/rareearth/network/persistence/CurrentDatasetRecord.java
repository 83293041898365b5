package org.rareearth.network.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One activation received on dataset.current (table {@code current_dataset}); the highest sequence is current. */
@Entity
@Table(name = "current_dataset")
public class CurrentDatasetRecord extends PanacheEntityBase {

    @Id
    public Long sequence;

    @Column(name = "dataset_version", nullable = false)
    public String datasetVersion;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
