package org.rareearth.scenario.messaging;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher.PublishFailedException;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;

/**
 * Re-sends scenario requests (new versions and archivings) that were stored but never acknowledged
 * by the broker, because it was down or slow when the analyst posted: from start-up on, every
 * {@code rareearth.scenario.resend-interval}, on a worker thread (a missing broker never blocks
 * start-up or a REST call), one run at a time.
 *
 * <p>Only requests older than the publish timeout are taken: a younger one may still be awaiting its
 * ack in the REST call that stored it. A run stops at the first request the broker does not
 * acknowledge in time (the others would only wait as long). A request Kafka refused for good (a
 * non-retriable error such as a record over the size limit) is logged as an error once and left
 * alone until the next start.
 */
@ApplicationScoped
public class UnpublishedRequests {

    private static final Logger LOG = Logger.getLogger(UnpublishedRequests.class);

    @Inject
    ScenarioStore scenarios;

    @Inject
    ScenarioRequestPublisher publisher;

    @Inject
    ScenarioConfig config;

    @Scheduled(identity = "resend-unpublished-scenario-requests", every = "${rareearth.scenario.resend-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void resendPeriodically() {
        resend(Instant.now().minus(config.publishTimeout()));
    }

    /** Re-sends the unacknowledged requests stored before {@code storedBefore}; returns how many were acknowledged. */
    public int resend(Instant storedBefore) {
        int sent = 0;
        try {
            for (StoredRequest request : scenarios.unpublished()) {
                if (!request.requestedAt().isBefore(storedBefore) || publisher.wasRefused(request)) {
                    continue;
                }
                try {
                    publisher.publish(request);
                    sent++;
                    LOG.infof("re-sent %s", PublishFailedException.describe(request));
                } catch (PublishFailedException e) {
                    if (!e.refused()) {
                        LOG.warnf("could not re-send: %s", e.getMessage());
                        break;
                    }
                    LOG.errorf("could not re-send: %s", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for unpublished scenario requests: %s", e.getMessage());
        }
        return sent;
    }

    /** The scheduler's words for "never" ({@code off}, {@code disabled}). */
    static boolean disabled(String interval) {
        String v = interval.trim().toLowerCase(Locale.ROOT);
        return v.equals("off") || v.equals("disabled");
    }
}
