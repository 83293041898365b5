package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
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
 * a request stored but not acknowledged is re-sent by {@link UnpublishedRequests}).
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

    /** Requests Kafka refused for good since start-up, by {@link #key(StoredRequest)}: not sent again. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /**
     * Sends the request, waits for the broker's ack and marks it published.
     *
     * @throws PublishFailedException when the broker did not acknowledge in time, or refused the record
     */
    public void publish(StoredRequest request) {
        ScenarioRequestEvent event = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, request.scenarioId(),
                request.version(), request.archived(), request.document(), request.requestedAt().toString());
        Message<String> message = Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(request.scenarioId()).build());
        try {
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            PublishFailedException failed = new PublishFailedException(request, e, config.publishTimeout(),
                    config.resendInterval());
            registry.counter("rareearth.scenario.requests.published", "outcome", failed.refused() ? "refused" : "failed")
                    .increment();
            if (failed.refused()) {
                refused.add(key(request));
            }
            throw failed;
        }
        scenarios.markPublished(request);
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

        PublishFailedException(StoredRequest request, Throwable failure, Duration timeout, String resendInterval) {
            this(request, failure, refused(failure), timeout, resendInterval);
        }

        private PublishFailedException(StoredRequest request, Throwable failure, boolean refused, Duration timeout,
                                       String resendInterval) {
            super(describe(request) + " is stored, but "
                    + (refused ? "Kafka refused it (" + cause(failure) + "); it is not re-sent automatically until the "
                            + "service restarts: raise the limit that refused it (the producer's max.request.size, the topic's "
                            + "max.message.bytes)"
                            : "the broker did not acknowledge it" + reason(failure, timeout) + "; "
                            + resending(resendInterval)), failure);
            this.request = request;
            this.refused = refused;
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

        /** A Kafka error that is not retriable, anywhere in the chain. */
        private static boolean refused(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ApiException && !(t instanceof RetriableException)) {
                    return true;
                }
            }
            return false;
        }

        /** Our own wait ran out, or the client reported why it gave up (without the wrappers). */
        private static String reason(Throwable failure, Duration timeout) {
            return unwrap(failure) instanceof TimeoutException ? " within the publish timeout of " + seconds(timeout)
                    : ": " + cause(failure);
        }

        private static String cause(Throwable failure) {
            Throwable cause = unwrap(failure);
            String message = cause.getMessage();
            return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        }

        private static Throwable unwrap(Throwable failure) {
            Throwable t = failure;
            while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }
    }
}
