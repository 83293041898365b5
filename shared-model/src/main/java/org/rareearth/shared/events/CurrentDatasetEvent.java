package org.rareearth.shared.events;

import java.util.List;
import java.util.Objects;

/**
 * Topic {@code dataset.current}: which stored data-set version every forecast that does not pin
 * one is solved on. ingest-service publishes one each time a version becomes current (an upload
 * that covers the current version's products and years, or an operator's
 * {@code PUT /datasets/current}); the topic is compacted under the one key {@link #KEY} and has one
 * partition, so the last message is the pointer. Consumers keep the event with the highest
 * {@code sequence}, so a late copy of an older activation never moves the pointer back.
 *
 * @param sequence        activation number in ingest-service, strictly increasing
 * @param datasetVersion  the content hash of the version that is current from now on
 * @param datasetYears    its years, ascending
 * @param datasetProducts its products, ascending
 * @param dataNotice      its provenance notice
 * @param activatedAt     ISO-8601 instant of the activation
 * @param reason          why it became current ("upload", "bootstrap", "operator", ...)
 */
public record CurrentDatasetEvent(int schemaVersion, long sequence, String datasetVersion, List<Integer> datasetYears,
                                  List<String> datasetProducts, String dataNotice, String activatedAt, String reason)
        implements SchemaVersioned {

    public static final int SCHEMA_VERSION = 1;
    /** The one key of the compacted topic. */
    public static final String KEY = "current";

    public CurrentDatasetEvent {
        Objects.requireNonNull(datasetVersion, "datasetVersion");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
        datasetYears = List.copyOf(Objects.requireNonNull(datasetYears, "datasetYears"));
        datasetProducts = List.copyOf(Objects.requireNonNull(datasetProducts, "datasetProducts"));
        if (datasetYears.isEmpty()) {
            throw new IllegalArgumentException("datasetYears must not be empty");
        }
    }

    /**
     * The one rule every consumer applies: this event moves the pointer when its sequence is higher
     * than the highest one the consumer kept ({@code null}: none yet).
     */
    public boolean movesPointerFrom(Long highestKept) {
        return highestKept == null || sequence > highestKept;
    }
}
