package org.rareearth.ingest.messaging;

/**
 * What one publishing round achieved for a data-set version.
 *
 * @param pending      baselines that were not yet acknowledged when the round began
 * @param acknowledged how many of them the broker acknowledged in this round
 * @param failure      the first reason a baseline was not acknowledged, null when all were
 */
public record PublishOutcome(String version, int pending, int acknowledged, String failure) {

    public boolean complete() {
        return acknowledged == pending;
    }

    public int unacknowledged() {
        return pending - acknowledged;
    }
}
