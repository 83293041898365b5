package org.rareearth.ingest.service;

import org.rareearth.ingest.messaging.PublishOutcome;

/**
 * The data set is stored, but the broker did not acknowledge every baseline. Nothing is lost: the
 * unacknowledged baselines are re-sent by a re-upload of the same data or at the next start-up.
 */
public class PublishFailedException extends RuntimeException {

    private final transient PublishOutcome outcome;

    public PublishFailedException(PublishOutcome outcome) {
        super("data set " + outcome.version() + " is stored, but the broker acknowledged only " + outcome.acknowledged()
                + " of " + outcome.pending() + " baselines on trade.baseline (" + outcome.failure() + "); "
                + "upload the same data again or restart the service to re-send the rest");
        this.outcome = outcome;
    }

    /** The current-data-set pointer of {@code version} (stored as current) was not acknowledged. */
    public static PublishFailedException pointer(String version, String failure) {
        return new PublishFailedException(new PublishOutcome(version, 1, 0, failure),
                "data set " + version + " is current here, but " + failure
                        + "; the pointer is re-sent at the next start of ingest-service");
    }

    private PublishFailedException(PublishOutcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public PublishOutcome outcome() {
        return outcome;
    }
}
