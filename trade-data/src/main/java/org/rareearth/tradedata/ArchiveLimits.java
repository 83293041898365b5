package org.rareearth.tradedata;

/**
 * What an uploaded archive may cost the service: bytes received, bytes written when unpacking
 * (a small ZIP can unpack to gigabytes) and the number of entries.
 */
public record ArchiveLimits(long maxUploadBytes, long maxUnpackedBytes, int maxEntries) {

    public ArchiveLimits {
        if (maxUploadBytes < 1 || maxUnpackedBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("archive limits must be >= 1: upload " + maxUploadBytes
                    + ", unpacked " + maxUnpackedBytes + ", entries " + maxEntries);
        }
    }
}
