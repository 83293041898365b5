package org.rareearth.ingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The stored data of one (version, year, product): the TradeBaselineEvent as published, and
 * whether the broker acknowledged it (table dataset_baseline).
 */
@Entity
@Table(name = "dataset_baseline")
public class DatasetBaselineEntity {

    /** TradeBaselineEvent.key(). */
    @Id
    @Column(name = "event_key")
    public String eventKey;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false)
    public int flows;

    @Column(nullable = false)
    public int tariffs;

    /** EventCodec JSON of the event. */
    @Column(columnDefinition = "text", nullable = false)
    public String event;

    @Column(nullable = false)
    public boolean published;

    @Column(name = "published_at")
    public Instant publishedAt;
}
