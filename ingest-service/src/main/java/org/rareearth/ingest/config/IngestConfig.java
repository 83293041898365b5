package org.rareearth.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.rareearth.ingest.core.ArchiveLimits;

/** Settings under {@code rareearth.ingest} (documented in application.properties). */
@ConfigMapping(prefix = "rareearth.ingest")
public interface IngestConfig {

    /** A BACI-layout directory ingested at start-up; empty = none. */
    Optional<String> bootstrapDir();

    /** Largest request body POST /datasets accepts (bytes); larger answers 413. */
    @WithDefault("104857600")
    long maxUploadBytes();

    /** Largest total size an upload may unpack to (bytes); protects against ZIP bombs. */
    @WithDefault("1073741824")
    long maxUnpackedBytes();

    /** Most entries an uploaded archive may hold. */
    @WithDefault("10000")
    int maxEntries();

    /** How long an ingest waits for the broker to acknowledge all baselines of a data set. */
    @WithDefault("60s")
    Duration publishTimeout();

    /** Baselines sent before waiting for their acks (bounds the emitter buffer and the memory in flight). */
    @WithDefault("128")
    int publishWindow();

    /** Re-send, at start-up, baselines that were stored but never acknowledged by the broker. */
    @WithDefault("true")
    boolean resendOnStart();

    default ArchiveLimits archiveLimits() {
        return new ArchiveLimits(maxUploadBytes(), maxUnpackedBytes(), maxEntries());
    }
}
