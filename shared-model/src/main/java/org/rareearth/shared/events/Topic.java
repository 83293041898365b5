package org.rareearth.shared.events;

import java.util.Objects;

/**
 * One Kafka topic of the contract with what travels on it: the key's and the value's Java types,
 * the value's encoding ({@link EventCodec}) and whether the topic is compacted (then a record without
 * a value, a tombstone, deletes its key and carries no event). Plain Java: the Kafka clients and
 * the messaging adapters (service-kit) build on it, the contract itself knows nothing of them.
 *
 * @param name      the topic's name on the broker
 * @param keyType   the Java type of the record key (a String on every topic today)
 * @param valueType the event type of the record value
 * @param compacted true when the broker keeps only the latest record per key
 */
public record Topic<K, V extends SchemaVersioned>(String name, Class<K> keyType, Class<V> valueType, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** The value as it is written to the topic. */
    public String encode(V event) {
        return EventCodec.encode(event);
    }

    /**
     * The event of a record value.
     *
     * @throws EventDecodingException when the value is not a readable {@code V} of a known schema version
     */
    public V decode(String value) {
        return EventCodec.decode(value, valueType);
    }

    /** Where a consumer of this topic puts a message it cannot read ({@link Topics#DLQ_REASON_HEADER} says why). */
    public String dlq() {
        return Topics.dlq(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
