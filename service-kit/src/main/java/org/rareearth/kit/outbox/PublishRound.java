package org.rareearth.kit.outbox;

/**
 * What one {@link OutboxPublisher#publishAll} round achieved.
 *
 * @param pending      rows that were not yet acknowledged when the round began
 * @param acknowledged how many of them the broker acknowledged (and were marked) in this round
 * @param failure      the first reason a row was not acknowledged, null when all were
 */
public record PublishRound(int pending, int acknowledged, String failure) {

    public boolean complete() {
        return acknowledged == pending;
    }
}
