package org.rareearth.scenario.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.rareearth.scenario.config.ScenarioConfig;

/**
 * Refuses to start when the largest document the REST edge accepts would not fit one Kafka record
 * of the scenario-requests producer: such a request would be stored and then refused by Kafka, and
 * stay pending. The document travels as an escaped JSON string inside the
 * {@code ScenarioRequestEvent}; escaping at most doubles its size (every {@code "}, {@code \} and
 * line break of the canonical, pretty-printed JSON gains one backslash; other characters stay as
 * they are).
 */
@ApplicationScoped
public class RequestSizeCheck {

    static final String MAX_REQUEST_SIZE = "mp.messaging.outgoing.scenario-requests.max.request.size";
    /** Kafka's default max.request.size, when the channel does not set one. */
    static final String KAFKA_DEFAULT_MAX_REQUEST_SIZE = "1048576";
    /** The event's other fields, the key, headers and the record's framing, generously. */
    static final int ENVELOPE_BYTES = 64 * 1024;

    @Inject
    ScenarioConfig config;

    /**
     * The channel's own producer setting, read as the Kafka connector reads it. Not a
     * {@code @ConfigMapping}: a mapping of the channel's namespace would have to declare every
     * producer property set there (SmallRye refuses unmapped ones).
     */
    @Inject
    Config channels;

    void onStart(@Observes StartupEvent start) {
        long maxRequestSize = channels.getOptionalValue(MAX_REQUEST_SIZE, Long.class)
                .orElse(Long.parseLong(KAFKA_DEFAULT_MAX_REQUEST_SIZE));
        check(config.maxDocumentBytes(), maxRequestSize);
    }

    /** The largest record a document of {@code maxDocumentBytes} can make. */
    static long largestRecord(int maxDocumentBytes) {
        return 2L * maxDocumentBytes + ENVELOPE_BYTES;
    }

    /** @throws IllegalStateException when the largest record would exceed {@code maxRequestSize} */
    static void check(int maxDocumentBytes, long maxRequestSize) {
        long largest = largestRecord(maxDocumentBytes);
        if (largest > maxRequestSize) {
            throw new IllegalStateException("rareearth.scenario.max-document-bytes=" + maxDocumentBytes
                    + " allows scenario requests of up to " + largest + " bytes, more than " + MAX_REQUEST_SIZE + "="
                    + maxRequestSize + ": lower the document limit or raise max.request.size (and the topic's "
                    + "max.message.bytes) to at least " + largest);
        }
    }
}
