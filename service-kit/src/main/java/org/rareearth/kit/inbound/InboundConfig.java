package org.rareearth.kit.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How {@link InboundProcessing} retries a message whose handling failed
 * ({@code rareearth.inbound.*}, in each service's application.properties).
 */
@ConfigMapping(prefix = "rareearth.inbound")
public interface InboundConfig {

    /**
     * Tries of a message whose handling failed for a reason that is not a transient fault (a bug, or
     * a message the handler refuses every time) before it goes to its dead-letter topic. A transient
     * fault (database or broker unavailable) is retried without limit.
     */
    @WithDefault("3")
    int attempts();

    /** Wait before the first retry; each further retry waits twice as long, up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration backoff();

    /** The longest wait between two tries. */
    @WithDefault("PT30S")
    Duration maxBackoff();
}
