package org.rareearth.tradedata.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rareearth.tradedata.IngestProgress;

/**
 * A stream that hashes (SHA-256) and reports to {@link IngestProgress} every byte a reader takes,
 * so the content version and the progress come from the same single pass over the file.
 */
public final class MeteredInput extends FilterInputStream {

    private final MessageDigest digest;
    private final IngestProgress progress;

    public MeteredInput(InputStream in, IngestProgress progress) {
        super(in);
        this.progress = progress;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            progress.bytes(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            progress.bytes(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would leave bytes out of the hash
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Hex SHA-256 of the bytes read so far; call after reading to the end. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
