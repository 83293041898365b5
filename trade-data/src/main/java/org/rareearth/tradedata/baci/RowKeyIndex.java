package org.rareearth.tradedata.baci;

/**
 * The key of every accepted row of a year file (packed exporter, importer, product) to the line it
 * was first seen on, for the duplicate-key check: an open-addressing map of non-zero long keys to long
 * values >= 0, 16 bytes an entry at most half full (a HashMap of boxed longs would hold ten times that).
 */
final class RowKeyIndex {
    private long[] keys = new long[1 << 10];
    private long[] values = new long[1 << 10];
    private int size;

    /** The value already stored for {@code key}, or -1 after storing {@code value}. */
    long putIfAbsent(long key, long value) {
        int mask = keys.length - 1;
        int at = mix(key) & mask;
        while (keys[at] != 0) {
            if (keys[at] == key) {
                return values[at];
            }
            at = (at + 1) & mask;
        }
        keys[at] = key;
        values[at] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int n = 0; n < oldKeys.length; n++) {
            if (oldKeys[n] != 0) {
                int at = mix(oldKeys[n]) & mask;
                while (keys[at] != 0) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[n];
                values[at] = oldValues[n];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
