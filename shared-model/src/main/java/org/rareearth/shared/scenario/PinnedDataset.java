package org.rareearth.shared.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The data-set version a scenario document pins (its optional top-level {@value #FIELD}), read
 * before the document is validated: the services must know which data set to validate and solve
 * it against. Absent or null: the scenario follows the current data set.
 */
public final class PinnedDataset {

    /** The document's field name (MODEL.md 11). */
    public static final String FIELD = "datasetVersion";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PinnedDataset() {
    }

    /** The pinned version of a document; empty when it pins none or is not a JSON object (validation says why). */
    public static Optional<String> of(String documentJson) {
        if (documentJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode pin = JSON.readTree(documentJson).path(FIELD);
            return pin.isTextual() ? Optional.of(pin.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
