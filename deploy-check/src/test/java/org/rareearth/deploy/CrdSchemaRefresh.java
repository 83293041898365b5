package org.rareearth.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check: the tool that writes src/test/resources/crd-schemas from the operators' CRD files
 * (crd-schemas/README.md says which releases). It keeps, for each custom {@link ManifestKind}, the
 * openAPIV3Schema of that version without its descriptions. Run it on a directory of the upstream
 * CRD YAML files:
 * <pre>./mvnw -B -q verify -pl deploy-check -am -Dtest=CrdSchemaRefresh -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drareearth.crd.sources=/path/to/crds</pre>
 */
@EnabledIfSystemProperty(named = "rareearth.crd.sources", matches = ".+")
class CrdSchemaRefresh {

    @Test
    void writeSchemas() throws IOException {
        Path sources = Path.of(System.getProperty("rareearth.crd.sources"));
        Path target = Repository.fromBuild().resolve("deploy-check/src/test/resources");
        List<JsonNode> crds = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                StrictManifests.documents(Files.readString(file)).stream()
                        .filter(d -> d != null && "CustomResourceDefinition".equals(d.path("kind").asText()))
                        .forEach(crds::add);
            }
        }
        for (ManifestKind kind : ManifestKind.values()) {
            if (!kind.customResource()) {
                continue;
            }
            JsonNode crd = crds.stream()
                    .filter(c -> c.path("spec").path("group").asText().equals(kind.group())
                            && c.path("spec").path("names").path("kind").asText().equals(kind.kind()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no CRD for " + kind + " in " + sources));
            JsonNode version = null;
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(kind.version())) {
                    version = v;
                }
            }
            if (version == null) {
                throw new IllegalStateException(crd.path("metadata").path("name").asText() + " has no version " + kind.version());
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            dropDescriptions(schema);
            ObjectNode out = StrictManifests.JSON.createObjectNode();
            out.put("crd", crd.path("metadata").path("name").asText());
            out.put("apiVersion", kind.apiVersion());
            out.put("kind", kind.kind());
            out.set("schema", schema);
            Path file = target.resolve(kind.schemaResource());
            Files.createDirectories(file.getParent());
            Files.writeString(file, StrictManifests.JSON.writeValueAsString(out) + "\n");
        }
    }

    /** Descriptions are most of a CRD's size and none of its rules. */
    private static void dropDescriptions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode description = object.get("description");
            if (description != null && description.isTextual()) {
                object.remove("description");
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                dropDescriptions(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(CrdSchemaRefresh::dropDescriptions);
        }
    }
}
