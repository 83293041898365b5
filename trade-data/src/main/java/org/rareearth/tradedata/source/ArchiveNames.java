package org.rareearth.tradedata.source;

import java.util.Locale;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/** Rules for names inside an uploaded archive: what is metadata, what is unsafe. */
final class ArchiveNames {

    private ArchiveNames() {
    }

    /** Mac OS and archiver metadata, never data: {@code __MACOSX/}, {@code ._x}, {@code .DS_Store}. */
    static boolean isMetadata(String path) {
        String lower = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        String last = lower.endsWith("/") ? "" : lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("__macosx/") || last.startsWith("._") || last.equals(".ds_store");
    }

    /**
     * Refuses names that would point outside the archive's own tree (zip slip): absolute paths,
     * drive letters, {@code ..} segments, NUL characters.
     */
    static void requireSafe(String path) {
        String name = path.replace('\\', '/');
        if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw new UploadRejectedException(Reason.UNSAFE, "unsafe entry name \"" + printable(name)
                    + "\" in the archive: absolute paths are not allowed");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new UploadRejectedException(Reason.UNSAFE, "unsafe entry name \"" + printable(name)
                        + "\" in the archive: \"..\" would point outside the data set");
            }
        }
    }

    static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
