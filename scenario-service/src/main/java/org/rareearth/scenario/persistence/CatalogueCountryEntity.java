package org.rareearth.scenario.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A country seen in a data-set version's flows (table catalogue_country). */
@Entity
@Table(name = "catalogue_country")
public class CatalogueCountryEntity extends PanacheEntityBase {

    /** {@code datasetVersion:ISO3}. */
    @Id
    public String id;

    @Column(name = "dataset_version")
    public String datasetVersion;

    public String country;
}
