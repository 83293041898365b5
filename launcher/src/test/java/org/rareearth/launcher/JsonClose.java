package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Field-by-field comparison of two JSON trees: numbers agree within {@value #TOLERANCE}
 * (absolute, relative above magnitude 1: strengths are thousand USD), everything else exactly.
 */
final class JsonClose {

    static final double TOLERANCE = 1e-9;

    private JsonClose() {
    }

    /** Every field of {@code expected} is in {@code actual} with a close value (and no extra field in objects). */
    static void assertClose(String path, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull() || expected.isMissingNode()) {
            assertThat(actual == null || actual.isNull() || actual.isMissingNode())
                    .as("%s: expected null, was %s", path, actual).isTrue();
            return;
        }
        if (actual == null || actual.isNull() || actual.isMissingNode()) {
            fail("%s: expected %s, was null/missing", path, expected);
        }
        if (expected.isNumber() || actual.isNumber()) {
            assertThat(actual.isNumber()).as("%s: expected number %s, was %s", path, expected, actual).isTrue();
            double e = expected.asDouble();
            double a = actual.asDouble();
            double allowed = TOLERANCE * Math.max(1.0, Math.max(Math.abs(e), Math.abs(a)));
            assertThat(Math.abs(e - a)).as("%s: expected %s, was %s", path, e, a).isLessThanOrEqualTo(allowed);
        } else if (expected.isObject()) {
            assertThat(actual.isObject()).as("%s: expected an object, was %s", path, actual).isTrue();
            assertThat(names(actual)).as("%s: fields", path).containsExactlyInAnyOrderElementsOf(names(expected));
            expected.fields().forEachRemaining(f -> assertClose(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey())));
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as("%s: expected an array, was %s", path, actual).isTrue();
            assertThat(actual.size()).as("%s: size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertClose(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }

    private static java.util.List<String> names(JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
