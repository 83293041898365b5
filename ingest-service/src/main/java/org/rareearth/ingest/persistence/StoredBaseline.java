package org.rareearth.ingest.persistence;

/** A stored baseline waiting to be (re-)sent: its Kafka key and its JSON payload. */
public record StoredBaseline(String key, String version, String payload) {
}
