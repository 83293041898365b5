package org.rareearth.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.ReadOptions;

/** Settings under {@code rareearth.ingest} (documented in application.properties). */
@ConfigMapping(prefix = "rareearth.ingest")
public interface IngestConfig {

    /**
     * Ingested at start-up; empty = none. Either one data set (a BACI-layout directory, or a
     * directory of UN Comtrade CSV exports) or a directory of data sets (sub-directories and ZIP archives).
     */
    Optional<String> bootstrapDir();

    /** HS6 products kept from every file; rows of other products are skipped. "all" keeps every product. */
    @WithDefault("253090,280530,284610,284690,850511")
    List<String> products();

    /** Most data rows one ingest may read (all files together); more answers 422. */
    @WithDefault("50000000")
    long maxRows();

    /** Most rejected rows one ingest may report; more answers 422 (the file is almost certainly not what it claims). */
    @WithDefault("100000")
    int maxProblems();

    /** How often a running ingest writes a progress line to the log. */
    @WithDefault("5s")
    Duration progressLogInterval();

    /** Finished ingests kept for GET /ingests (running ones are always listed). */
    @WithDefault("50")
    int finishedIngestsKept();

    /** Largest request body POST /datasets accepts (bytes); larger answers 413. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** Largest total size an upload may unpack to (bytes); protects against ZIP bombs. */
    @WithDefault("8589934592")
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

    default ProductFilter productFilter() {
        List<String> codes = products();
        boolean all = codes.size() == 1 && codes.get(0).strip().equalsIgnoreCase("all");
        return all ? ProductFilter.all() : ProductFilter.of(codes);
    }

    default ReadOptions readOptions(IngestProgress progress) {
        return new ReadOptions(productFilter(), maxRows(), maxProblems(), progress);
    }

    default ArchiveLimits archiveLimits() {
        return new ArchiveLimits(maxUploadBytes(), maxUnpackedBytes(), maxEntries());
    }
}
