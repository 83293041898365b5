package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.rareearth.kit.outbox.OutboxPublisher;
import org.rareearth.kit.outbox.OutboxRow;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.Topics;

/**
 * Publishes stored scenario versions (and archivings) on {@code scenario.requests}, keyed by
 * scenario id, and marks them published only once the broker acknowledged them (publish-then-mark,
 * {@link OutboxPublisher}: a request stored but not acknowledged is re-sent by {@link UnpublishedRequests}).
 */
@ApplicationScoped
public class ScenarioRequestPublisher {

    @Inject
    ScenarioStore scenarios;

    @Inject
    MeterRegistry registry;

    private final ScenarioConfig config;
    private final OutboxPublisher outbox;

    /** Requests Kafka refused for good since start-up, by {@link #key(StoredRequest)}: not sent again. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Inject
    public ScenarioRequestPublisher(@Channel("scenario-requests") MutinyEmitter<String> emitter, ScenarioConfig config) {
        this.config = config;
        this.outbox = new OutboxPublisher(Topics.SCENARIO_REQUESTS, emitter, config.publishTimeout());
    }

    /**
     * Sends the request, waits for the broker's ack and marks it published.
     *
     * @throws PublishFailedException when the broker did not acknowledge in time, or refused the record
     */
    public void publish(StoredRequest request) {
        ScenarioRequestEvent event = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, request.scenarioId(),
                request.version(), request.archived(), request.document(), request.requestedAt().toString(),
                request.requestedBy());
        OutboxRow row = new OutboxRow(key(request), request.scenarioId(), Topics.SCENARIO_REQUESTS.encode(event));
        try {
            outbox.publish(row, sent -> scenarios.markPublished(request));
        } catch (org.rareearth.kit.outbox.PublishFailedException e) {
            PublishFailedException failed = new PublishFailedException(request, e, config.publishTimeout(),
                    config.resendInterval());
            registry.counter("rareearth.scenario.requests.published", "outcome", failed.refused() ? "refused" : "failed")
                    .increment();
            if (failed.refused()) {
                refused.add(key(request));
            }
            throw failed;
        }
        registry.counter("rareearth.scenario.requests.published", "outcome", request.archived() ? "archived" : "version")
                .increment();
    }

    /** Kafka refused this request for good since start-up (it is then left alone until the next start). */
    public boolean wasRefused(StoredRequest request) {
        return refused.contains(key(request));
    }

    private static String key(StoredRequest request) {
        return request.scenarioId() + "/" + request.version() + (request.archived() ? "/archived" : "");
    }

    /**
     * The broker did not acknowledge a scenario request; it stays stored. Either it did not answer in
     * time (the broker is down or slow: the request is re-sent every resend interval) or Kafka refused
     * this record for good ({@link #refused()}, e.g. larger than the producer's or the topic's limit:
     * sending it again cannot succeed until an operator changes that limit, so it is re-sent only at the
     * next start).
     */
    public static final class PublishFailedException extends RuntimeException {

        private final transient StoredRequest request;
        private final boolean refused;

        PublishFailedException(StoredRequest request, org.rareearth.kit.outbox.PublishFailedException failure,
                               Duration timeout, String resendInterval) {
            super(describe(request) + " is stored, but "
                    + (failure.refused() ? "Kafka refused it (" + failure.cause() + "); it is not re-sent automatically until "
                            + "the service restarts: raise the limit that refused it (the producer's max.request.size, the "
                            + "topic's max.message.bytes)"
                            : "the broker did not acknowledge it" + (failure.timedOut()
                            ? " within the publish timeout of " + seconds(timeout) : ": " + failure.cause()) + "; "
                            + resending(resendInterval)), failure.getCause());
            this.request = request;
            this.refused = failure.refused();
        }

        public StoredRequest request() {
            return request;
        }

        /** Kafka refused this record for good (a non-retriable error): sending it again cannot succeed. */
        public boolean refused() {
            return refused;
        }

        static String describe(StoredRequest request) {
            return "scenario " + request.scenarioId() + " version " + request.version()
                    + (request.archived() ? " (archiving)" : "");
        }

        private static String seconds(Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }

        private static String resending(String interval) {
            return UnpublishedRequests.disabled(interval)
                    ? "it is not re-sent automatically (rareearth.scenario.resend-interval=" + interval + ")"
                    : "it is re-sent automatically every " + interval + " until the broker acknowledges it";
        }
    }
}
