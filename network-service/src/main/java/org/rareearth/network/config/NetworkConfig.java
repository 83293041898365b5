package org.rareearth.network.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code rareearth.network.*} in application.properties. */
@ConfigMapping(prefix = "rareearth.network")
public interface NetworkConfig {

    /**
     * Edge threshold in thousand USD: an edge is kept when its value is strictly above it
     * (MODEL.md 7 and 12); 0 keeps every positive flow.
     */
    @WithDefault("0")
    double threshold();
}
