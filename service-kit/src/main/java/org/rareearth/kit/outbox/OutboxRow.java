package org.rareearth.kit.outbox;

/**
 * One stored, not yet published message of a service's outbox: the service stores its output
 * first (a table row with a {@code published} flag), publishes it and marks it published only after
 * the broker's acknowledgement (publish-then-mark, docs/events.md), so a crash in between re-sends
 * it and never loses it.
 *
 * @param id      what the service marks published (its row's natural key)
 * @param key     the record key on the topic
 * @param payload the record value (the event's JSON)
 */
public record OutboxRow(String id, String key, String payload) {
}
