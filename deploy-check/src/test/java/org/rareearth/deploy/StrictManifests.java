package org.rareearth.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads rendered manifests (a multi-document YAML stream) strictly: every document must be a
 * known kind ({@link ManifestKind}), must bind to its typed model with no unknown field anywhere
 * ({@link UnknownFields}), and a custom resource must also satisfy its CRD schema. All problems
 * of all documents are reported together, each with the object and the field path.
 */
public final class StrictManifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private final UnknownFields unknownFields = new UnknownFields(JSON);
    /** Loaded once: the schemas are the same for every read. */
    private static final Map<ManifestKind, CrdSchema> SCHEMAS = new ConcurrentHashMap<>();

    public Manifests read(String yaml) {
        List<JsonNode> documents = documents(yaml);
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            if (document == null || document.isNull() || document.isEmpty()) {
                continue;
            }
            String apiVersion = document.path("apiVersion").asText();
            String kind = document.path("kind").asText();
            String name = document.path("metadata").path("name").asText("<no name>");
            String label = kind + " " + name;
            Optional<ManifestKind> known = ManifestKind.of(apiVersion, kind);
            if (known.isEmpty()) {
                problems.add(label + ": apiVersion " + apiVersion + " kind " + kind + " is not one the manifests may use");
                continue;
            }
            List<String> found = new ArrayList<>();
            Object typed = bind(known.get(), document, found);
            if (known.get().customResource()) {
                schema(known.get()).problems(document).forEach(found::add);
            }
            found.forEach(p -> problems.add(label + ": " + p));
            manifests.add(new Manifest(known.get(), name, document.path("metadata").path("namespace").asText(null),
                    document, typed));
        }
        if (!problems.isEmpty()) {
            throw new ManifestProblems(problems);
        }
        return new Manifests(manifests);
    }

    private Object bind(ManifestKind kind, JsonNode document, List<String> problems) {
        try {
            if (kind.model().isPresent()) {
                Object typed = JSON.treeToValue(document, kind.model().get());
                unknownFields.in(typed).forEach(path -> problems.add(path + ": unknown field"));
                return typed;
            }
            ObjectMeta metadata = JSON.treeToValue(document.path("metadata"), ObjectMeta.class);
            unknownFields.in(metadata).forEach(path -> problems.add("metadata." + path + ": unknown field"));
            return null;
        } catch (JsonProcessingException e) {
            problems.add("does not bind to its model: " + e.getOriginalMessage());
            return null;
        }
    }

    private CrdSchema schema(ManifestKind kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            try (InputStream in = StrictManifests.class.getClassLoader().getResourceAsStream(k.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + k.schemaResource() + " (see crd-schemas/README.md)");
                }
                return new CrdSchema(k.kind() + " " + k.apiVersion(), JSON.readTree(in).path("schema"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
    }
}
