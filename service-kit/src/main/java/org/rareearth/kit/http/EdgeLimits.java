package org.rareearth.kit.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits at the HTTP edge of every service ({@code rareearth.limits.*}, in each service's
 * application.properties): how much JSON a request may carry and how often one client may call
 * the expensive operations.
 */
@ConfigMapping(prefix = "rareearth.limits")
public interface EdgeLimits {

    /** Deepest nesting of JSON objects and arrays read from a request (a scenario document needs ~6). */
    @WithDefault("64")
    int jsonMaxDepth();

    /** Longest JSON string value read from a request, in characters. */
    @WithDefault("1048576")
    int jsonMaxStringLength();

    /** Longest JSON number read from a request, in characters (a double needs ~25). */
    @WithDefault("100")
    int jsonMaxNumberLength();

    /** Expensive calls (posting scenarios or events, uploads) one client may make at once, back to back. */
    @WithDefault("30")
    int clientBurst();

    /** Expensive calls one client regains per minute once its burst is spent. */
    @WithDefault("60")
    int clientPerMinute();

    /** Expensive calls the service runs at the same time, all clients together. */
    @WithDefault("16")
    int maxConcurrent();
}
