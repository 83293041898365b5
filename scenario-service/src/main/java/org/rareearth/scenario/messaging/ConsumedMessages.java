package org.rareearth.scenario.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.rareearth.shared.events.Topic;

/**
 * The one counter of what this service's consumers did with a message,
 * {@code rareearth.scenario.consumed{topic, outcome}}: {@code stored} or {@code duplicate} for the
 * catalogue topics, the read model's {@link org.rareearth.scenario.persistence.Recorded} outcome for
 * results and metrics (service README "Topics").
 */
@ApplicationScoped
public class ConsumedMessages {

    static final String METER = "rareearth.scenario.consumed";

    @Inject
    MeterRegistry registry;

    void count(Topic<?, ?> topic, String outcome) {
        registry.counter(METER, "topic", topic.name(), "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }

    /** {@code stored} when the message changed what this service knows, {@code duplicate} when not. */
    void count(Topic<?, ?> topic, boolean changed) {
        count(topic, changed ? "stored" : "duplicate");
    }
}
