package org.rareearth.ingest.persistence;

import java.time.Instant;

/** An activation as the API shows it: {@code version} became current at {@code activatedAt}. */
public record Activation(long sequence, String version, Instant activatedAt, String reason, boolean published) {

    static Activation of(DatasetActivationEntity e) {
        return new Activation(e.sequence, e.version, e.activatedAt, e.reason, e.published);
    }
}
