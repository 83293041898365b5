package org.rareearth.ingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One rejected row (or faulty field) of a data-set version (table dataset_problem). */
@Entity
@Table(name = "dataset_problem")
@IdClass(DatasetProblemEntity.Key.class)
public class DatasetProblemEntity {

    /** (version, ordinal): a natural key, so inserts can be batched (no identity column). */
    public static class Key implements Serializable {
        public String version;
        public int ordinal;

        public Key() {
        }

        public Key(String version, int ordinal) {
            this.version = version;
            this.ordinal = ordinal;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ordinal == ordinal && Objects.equals(k.version, version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, ordinal);
        }
    }

    @Id
    public String version;

    @Id
    public int ordinal;

    @Column(name = "file_name", columnDefinition = "text", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public long line;

    @Column(name = "column_name", columnDefinition = "text")
    public String columnName;

    @Column(columnDefinition = "text", nullable = false)
    public String message;
}
