package org.rareearth.shared.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * JSON text of the events on the topics. Decoding checks the schema version first, so a message
 * from a future or foreign producer is refused with a reason instead of being half-read. Unknown
 * fields are ignored (a newer minor producer may add fields); missing required fields are not.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    /** The schema version each event type is written with and the only one it reads. */
    private static final Map<Class<?>, Integer> VERSIONS = Map.of(
            TradeBaselineEvent.class, TradeBaselineEvent.SCHEMA_VERSION,
            CurrentDatasetEvent.class, CurrentDatasetEvent.SCHEMA_VERSION,
            ScenarioRequestEvent.class, ScenarioRequestEvent.SCHEMA_VERSION,
            SimulationResultEvent.class, SimulationResultEvent.SCHEMA_VERSION,
            NetworkMetricsEvent.class, NetworkMetricsEvent.SCHEMA_VERSION);

    private EventCodec() {
    }

    public static String encode(SchemaVersioned event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T extends SchemaVersioned> T decode(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new EventDecodingException("empty message, expected a " + type.getSimpleName(), null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new EventDecodingException("not a JSON object, expected a " + type.getSimpleName(), null);
        }
        JsonNode version = tree.get("schemaVersion");
        Integer expected = VERSIONS.get(type);
        if (expected == null) {
            throw new IllegalArgumentException(type.getName() + " is not an event type of the contract (EventCodec.VERSIONS)");
        }
        if (version == null || !version.canConvertToInt()) {
            throw new EventDecodingException("missing schemaVersion, expected " + expected + " for " + type.getSimpleName(), null);
        }
        if (version.asInt() != expected) {
            throw new EventDecodingException("unsupported schemaVersion " + version.asInt() + " for "
                    + type.getSimpleName() + " (this reader knows " + expected + ")", null);
        }
        T event;
        try {
            event = MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventDecodingException("not a valid " + type.getSimpleName() + ": " + reason(e), e);
        }
        return event;
    }

    /** Jackson's reason without its configuration hint, with the field it concerns. */
    private static String reason(Exception e) {
        if (!(e instanceof JsonMappingException j)) {
            return e.getMessage();
        }
        String message = j.getOriginalMessage();
        int hint = message.indexOf(" (set DeserializationConfig");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        String field = j.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return field.isEmpty() ? message : field + ": " + message;
    }

    /** The shared mapper, for adapters that need JSON of the same shape (REST bodies of events). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
