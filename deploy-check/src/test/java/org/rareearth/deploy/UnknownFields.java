package org.rareearth.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields a typed model did not know. fabric8's and Strimzi's models never fail on an unknown field:
 * they keep it in {@code additionalProperties} (so that a newer server's fields survive a round
 * trip). A manifest is written against a known API, so every such field is a mistake ({@code replica}
 * for {@code replicas}, {@code averageUtilisation} for {@code averageUtilization}) that the API
 * server would drop or refuse. This walks the parsed object and reports each one by its path.
 */
final class UnknownFields {

    private final ObjectMapper mapper;

    UnknownFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<String> in(Object parsed) {
        List<String> found = new ArrayList<>();
        walk(parsed, "", found);
        return found;
    }

    private void walk(Object value, String path, List<String> found) {
        if (value == null || isPlainValue(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            // a map-valued field (labels, config, data): its keys are data, not fields
            map.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        JavaType type = mapper.constructType(value.getClass());
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            Object extra = anyGetter.getValue(value);
            if (extra instanceof Map<?, ?> unknown) {
                unknown.keySet().forEach(k -> found.add(child(path, String.valueOf(k))));
            }
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                walk(accessor.getValue(value), child(path, property.getName()), found);
            }
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive();
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }
}
