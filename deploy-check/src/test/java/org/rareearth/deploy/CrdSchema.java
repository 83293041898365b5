package org.rareearth.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A custom resource checked against its CRD's structural schema (the openAPIV3Schema of one
 * version), as an API server with strict field validation checks it: unknown fields (unless the
 * schema keeps unknown fields), types (including int-or-string), enums, required fields,
 * patterns and bounds. Not evaluated: CEL rules (x-kubernetes-validations) and the value-only
 * oneOf/anyOf constraints. {@code metadata} is left to the typed ObjectMeta, as the server does.
 */
final class CrdSchema {

    private final String name;
    private final JsonNode schema;

    CrdSchema(String name, JsonNode schema) {
        this.name = name;
        this.schema = schema;
    }

    String name() {
        return name;
    }

    List<String> problems(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("apiVersion") || key.equals("kind") || key.equals("metadata")) {
                continue;
            }
            if (!properties.has(key)) {
                problems.add(key + ": unknown field (" + name + ")");
            } else {
                check(field.getValue(), properties.get(key), key, problems);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!resource.has(required.asText())) {
                problems.add(required.asText() + ": required (" + name + ")");
            }
        }
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": must be an integer or a string, was " + value);
            }
            checkEnumAndPattern(value, schema, path, problems);
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, problems);
            case "array" -> checkArray(value, schema, path, problems);
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": must be a string, was " + value);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": must be an integer, was " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": must be a number, was " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": must be true or false, was " + value);
                }
            }
            default -> {
                // no type: x-kubernetes-preserve-unknown-fields on its own; anything goes
            }
        }
        checkEnumAndPattern(value, schema, path, problems);
        checkBounds(value, schema, path, problems);
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": must be an object, was " + value);
            return;
        }
        boolean keepsUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String childPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), childPath, problems);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, childPath, problems);
            } else if (!keepsUnknown && !(additional != null && additional.asBoolean(false))) {
                problems.add(childPath + ": unknown field");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isArray()) {
            problems.add(path + ": must be a list, was " + value);
            return;
        }
        JsonNode items = schema.get("items");
        for (int i = 0; i < value.size(); i++) {
            if (items != null) {
                check(value.get(i), items, path + "[" + i + "]", problems);
            }
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(path + ": needs at least " + schema.get("minItems").asInt() + " items");
        }
    }

    private static void checkEnumAndPattern(JsonNode value, JsonNode schema, String path, List<String> problems) {
        JsonNode allowed = schema.get("enum");
        if (allowed != null && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode candidate : allowed) {
                listed |= candidate.asText().equals(value.asText()) && candidate.isNumber() == value.isNumber();
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + allowed);
            }
        }
        if (schema.has("pattern") && value.isTextual()) {
            try {
                if (!Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                    problems.add(path + ": \"" + value.asText() + "\" does not match " + schema.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                // an ECMA-only construct Java cannot read: the server checks it
            }
        }
    }

    private static void checkBounds(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isNumber()) {
            return;
        }
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }
}
