package org.rareearth.simulation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored trade.baseline event (table {@code baseline}); the event itself is kept as its JSON. */
@Entity
@Table(name = "baseline")
public class BaselineRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "dataset_version", nullable = false)
    public String datasetVersion;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 16)
    public String product;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
