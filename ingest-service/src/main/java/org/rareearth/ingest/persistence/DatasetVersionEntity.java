package org.rareearth.ingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One data-set version (table dataset_version). */
@Entity
@Table(name = "dataset_version")
public class DatasetVersionEntity {

    @Id
    public String version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** "upload" or "bootstrap:&lt;directory&gt;". */
    @Column(columnDefinition = "text", nullable = false)
    public String source;

    /** JSON array of years. */
    @Column(columnDefinition = "text", nullable = false)
    public String years;

    /** JSON array of HS6 codes. */
    @Column(columnDefinition = "text", nullable = false)
    public String products;

    @Column(nullable = false)
    public int countries;

    @Column(name = "accepted_rows", nullable = false)
    public long acceptedRows;

    @Column(name = "rejected_rows", nullable = false)
    public long rejectedRows;

    @Column(name = "data_notice", columnDefinition = "text", nullable = false)
    public String dataNotice;

    @Column(name = "notice_recorded", nullable = false)
    public boolean noticeRecorded;

    /** BACI or UN Comtrade. */
    @Column(columnDefinition = "text", nullable = false)
    public String format;

    /** "all" or the HS6 codes kept, comma-separated (part of the version). */
    @Column(name = "product_filter", columnDefinition = "text", nullable = false)
    public String productFilter;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "skipped_rows", nullable = false)
    public long skippedRows;

    /** JSON of the Comtrade reconciliation; null for BACI. */
    @Column(columnDefinition = "text")
    public String reconciliation;

    /** Token subject of the operator who uploaded it (the first upload of this content); null: bootstrap or older. */
    @Column(name = "uploaded_by", columnDefinition = "text")
    public String uploadedBy;
}
