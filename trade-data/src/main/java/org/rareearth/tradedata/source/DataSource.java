package org.rareearth.tradedata.source;

import org.rareearth.tradedata.UploadRejectedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of one ingest, whatever they came in: a directory on this machine (the bootstrap
 * directory, a multipart upload saved to disk) or a ZIP archive read entry by entry without
 * unpacking it. Readers stream each file once; nothing here holds a file in memory.
 */
public interface DataSource extends Closeable {

    /** Where the files come from, for messages and the data set's {@code source}. */
    String label();

    /** File names without folders, sorted; metadata files of archivers are not listed. */
    List<String> fileNames();

    /** Size of a file in bytes (unpacked), or -1 when unknown. */
    long size(String name);

    /**
     * Opens one file for reading. A ZIP source counts the unpacked bytes against its limit and
     * throws {@code UploadRejectedException(TOO_LARGE)} when an archive unpacks to more.
     */
    InputStream open(String name) throws IOException;

    /** Total size of the listed files (unknown sizes count 0): the denominator of progress. */
    default long totalBytes() {
        return fileNames().stream().mapToLong(this::size).filter(s -> s > 0).sum();
    }

    @Override
    default void close() throws IOException {
        // most sources hold nothing open
    }
}
