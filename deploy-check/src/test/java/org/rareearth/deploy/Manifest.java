package org.rareearth.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rendered object: its kind, name and namespace, the document as rendered, and its typed model
 * (null for the kinds without one: CloudNativePG's Cluster, KEDA's ScaledObject).
 */
public record Manifest(ManifestKind kind, String name, String namespace, JsonNode document, Object typed) {
}
