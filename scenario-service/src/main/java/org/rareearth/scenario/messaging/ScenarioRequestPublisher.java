package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;

/**
 * Publishes stored scenario versions (and archivings) on {@code scenario.requests}, keyed by
 * scenario id, and marks them published only once the broker acknowledged them (publish-then-mark:
 * a request stored but not acknowledged is re-sent at the next start-up).
 */
@ApplicationScoped
public class ScenarioRequestPublisher {

    @Inject
    @Channel("scenario-requests")
    MutinyEmitter<String> emitter;

    @Inject
    ScenarioStore scenarios;

    @Inject
    ScenarioConfig config;

    @Inject
    MeterRegistry registry;

    /**
     * Sends the request, waits for the broker's ack and marks it published.
     *
     * @throws PublishFailedException when the broker did not acknowledge in time
     */
    public void publish(StoredRequest request) {
        ScenarioRequestEvent event = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, request.scenarioId(),
                request.version(), request.archived(), request.document(), request.requestedAt().toString());
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(request.scenarioId()).build());
        try {
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            registry.counter("rareearth.scenario.requests.published", "outcome", "failed").increment();
            throw new PublishFailedException(request, e);
        }
        scenarios.markPublished(request);
        registry.counter("rareearth.scenario.requests.published", "outcome", request.archived() ? "archived" : "version")
                .increment();
    }

    /** The broker did not acknowledge a scenario request; it stays stored and is re-sent at start-up. */
    public static final class PublishFailedException extends RuntimeException {

        private final transient StoredRequest request;

        PublishFailedException(StoredRequest request, Throwable cause) {
            super("scenario " + request.scenarioId() + " version " + request.version()
                    + (request.archived() ? " (archiving)" : "") + " is stored but the broker did not acknowledge it: "
                    + cause.getMessage() + "; it is re-sent when the service starts again", cause);
            this.request = request;
        }

        public StoredRequest request() {
            return request;
        }
    }
}
