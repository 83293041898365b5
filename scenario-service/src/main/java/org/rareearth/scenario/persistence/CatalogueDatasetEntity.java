package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One data-set version of the catalogue (table catalogue_dataset). */
@Entity
@Table(name = "catalogue_dataset")
public class CatalogueDatasetEntity extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_version")
    public String datasetVersion;

    /** JSON array of years. */
    @Column(columnDefinition = "text")
    public String years;

    /** JSON array of HS6 codes. */
    @Column(columnDefinition = "text")
    public String products;

    @Column(name = "data_notice", columnDefinition = "text")
    public String dataNotice;

    @Column(name = "first_seen")
    public Instant firstSeen;
}
