package org.rareearth.tradedata.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.IngestProgress;
import org.rareearth.tradedata.UploadRejectedException;

/**
 * Copies an uploaded body to a file on disk, refusing it as soon as it exceeds the upload limit
 * (a declared Content-Length can be absent or lie, so the bytes are counted). Large uploads are
 * thereby never held in memory; readers stream the file afterwards.
 */
public final class UploadBody {

    private static final int COPY_BUFFER = 64 * 1024;

    private UploadBody() {
    }

    /**
     * @param expected what the body should be, for the message about an empty one ("a ZIP archive")
     * @param progress the ingest's progress, checked between chunks for a cancellation
     * @return the number of bytes received
     * @throws UploadRejectedException  EMPTY for no bytes, TOO_LARGE over the limit
     * @throws IngestCancelledException cancelled while receiving (the partial file is left for the caller to delete)
     */
    public static long receive(InputStream body, Path file, ArchiveLimits limits, String expected,
                               IngestProgress progress) throws IOException {
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                progress.checkCancelled();
                total += n;
                if (total > limits.maxUploadBytes()) {
                    throw tooLarge(limits);
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new UploadRejectedException(Reason.EMPTY, "the request body is empty: expected " + expected);
        }
        return total;
    }

    /** The refusal of an upload over the limit, also used when the declared length already says so. */
    public static UploadRejectedException tooLarge(ArchiveLimits limits) {
        return new UploadRejectedException(Reason.TOO_LARGE, "the upload is larger than the limit of "
                + limits.maxUploadBytes() + " bytes (rareearth.ingest.max-upload-bytes)");
    }
}
