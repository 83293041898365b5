package org.rareearth.shared.events;

/** Every event carries the version of its schema so that a reader can refuse what it does not know. */
public interface SchemaVersioned {

    int schemaVersion();
}
