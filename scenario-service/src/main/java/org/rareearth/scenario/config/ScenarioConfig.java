package org.rareearth.scenario.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings under {@code rareearth.scenario} (documented in application.properties). */
@ConfigMapping(prefix = "rareearth.scenario")
public interface ScenarioConfig {

    /** How long a REST call waits for the broker to acknowledge the scenario request it publishes. */
    @WithDefault("10s")
    Duration publishTimeout();

    /**
     * How often scenario requests stored but not acknowledged by the broker are re-sent, from start-up on
     * ({@code off} disables it; read by the scheduler as {@code ${rareearth.scenario.resend-interval}}).
     */
    @WithDefault("10s")
    String resendInterval();

    /**
     * Largest scenario document accepted (bytes, UTF-8): the body of POST /scenarios and of POST
     * /scenarios/{id}/events, and the stored document in canonical form. Larger answers 413.
     */
    @WithDefault("1048576")
    int maxDocumentBytes();

    /** Longest scenario name accepted (characters); longer answers 422 naming {@code name}. */
    @WithDefault("200")
    int maxNameLength();
}
