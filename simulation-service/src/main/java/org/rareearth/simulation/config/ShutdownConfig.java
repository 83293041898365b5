package org.rareearth.simulation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** What shutdown waits for ({@code rareearth.simulation.shutdown.*}). */
@ConfigMapping(prefix = "rareearth.simulation.shutdown")
public interface ShutdownConfig {

    /**
     * How long to wait for the result being sent to be acknowledged and marked published; handling
     * then stops, and its message is not acknowledged and is read again after the restart.
     */
    @WithName("wait")
    @WithDefault("PT30S")
    Duration waitFor();
}
