package org.rareearth.deploy;

import java.util.List;
import java.util.NoSuchElementException;

/** Every object of one rendered overlay, strictly read. */
public record Manifests(List<Manifest> all) {

    public List<Manifest> of(ManifestKind kind) {
        return all.stream().filter(m -> m.kind() == kind).toList();
    }

    public <T> List<T> typed(ManifestKind kind, Class<T> type) {
        return of(kind).stream().map(m -> type.cast(m.typed())).toList();
    }

    public Manifest one(ManifestKind kind, String name) {
        return of(kind).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind.kind() + " " + name));
    }

    /** A generated ConfigMap by the name it was generated under (kustomize adds a content hash). */
    public Manifest generatedConfigMap(String name) {
        return of(ManifestKind.CONFIG_MAP).stream().filter(m -> m.name().equals(name) || m.name().matches(
                java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}")).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no ConfigMap generated as " + name));
    }
}
