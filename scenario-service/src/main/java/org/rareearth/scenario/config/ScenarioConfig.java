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

    /** Re-send, at start-up, scenario requests that were stored but never acknowledged by the broker. */
    @WithDefault("true")
    boolean resendOnStart();
}
