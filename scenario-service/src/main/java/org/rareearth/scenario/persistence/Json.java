package org.rareearth.scenario.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.rareearth.shared.events.EventCodec;

/** JSON text columns, written with the events' own mapper so the read model keeps the events' shape. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<List<String>>() { });
    }

    static List<Integer> integers(String json) {
        return read(json, new TypeReference<List<Integer>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
