package org.rareearth.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** A rendered overlay as editable documents: for tests that break one thing and expect a check to see it. */
final class RenderedDocuments {

    private final List<ObjectNode> documents = new ArrayList<>();

    RenderedDocuments(String yaml) {
        StrictManifests.documents(yaml).stream().filter(JsonNode::isObject).forEach(d -> documents.add((ObjectNode) d));
    }

    ObjectNode get(String kind, String name) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().matches(java.util.regex.Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name));
    }

    void remove(String kind, String name) {
        documents.remove(get(kind, name));
    }

    void add(ObjectNode document) {
        documents.add(document);
    }

    /** The first container of a Deployment. */
    ObjectNode container(String deployment) {
        return (ObjectNode) get("Deployment", deployment).path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** The variable {@code name} of a Deployment's first container. */
    ObjectNode env(String deployment, String name) {
        for (JsonNode variable : container(deployment).path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return (ObjectNode) variable;
            }
        }
        throw new NoSuchElementException("Deployment " + deployment + " has no variable " + name);
    }

    /** Removes the pod volume {@code name} of a Deployment. */
    void removeVolume(String deployment, String name) {
        JsonNode volumes = get("Deployment", deployment).path("spec").path("template").path("spec").path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).path("name").asText().equals(name)) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) volumes).remove(i);
                return;
            }
        }
        throw new NoSuchElementException("Deployment " + deployment + " has no volume " + name);
    }

    String yaml() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode document : documents) {
            try {
                out.append(StrictManifests.YAML.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
