package org.rareearth.ingest.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rareearth.ingest.core.UploadRejectedException.Reason;

/**
 * Receives an uploaded ZIP archive and unpacks it into a directory, defensively: the upload and
 * the unpacked bytes are counted against {@link ArchiveLimits} while they are copied (sizes
 * declared in the archive can lie), every entry must stay inside the target directory (no zip
 * slip: no absolute names, no {@code ..}), and only regular files are written. Mac OS metadata
 * ({@code __MACOSX/}, {@code ._*}, {@code .DS_Store}) is skipped.
 *
 * <p>The data set may sit at the root of the archive or inside one top-level folder (what zipping
 * a folder gives); {@link #unpack} returns the directory that holds the files.
 */
public final class ZipUpload {

    /** Local file header and end-of-central-directory (an archive with no entries) signatures. */
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};
    private static final int COPY_BUFFER = 64 * 1024;

    private ZipUpload() {
    }

    /**
     * Copies the request body to {@code file}, refusing it as soon as it exceeds the upload limit.
     *
     * @return the number of bytes received
     * @throws UploadRejectedException EMPTY for no bytes, TOO_LARGE over the limit
     */
    public static long receive(InputStream body, Path file, ArchiveLimits limits) throws IOException {
        long received;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            received = copyAtMost(body, out, limits.maxUploadBytes(), () -> tooLargeUpload(limits));
        }
        if (received == 0) {
            throw new UploadRejectedException(Reason.EMPTY,
                    "the request body is empty: expected a ZIP archive of a BACI-layout directory");
        }
        return received;
    }

    /** The message for an upload over the limit, also used when the declared length already says so. */
    public static UploadRejectedException tooLargeUpload(ArchiveLimits limits) {
        return new UploadRejectedException(Reason.TOO_LARGE, "the upload is larger than the limit of "
                + limits.maxUploadBytes() + " bytes (rareearth.ingest.max-upload-bytes)");
    }

    /**
     * Unpacks {@code zip} into the empty directory {@code target}.
     *
     * @return the directory holding the data files: {@code target}, or its only sub-directory when
     *         the archive wraps everything in one folder
     * @throws UploadRejectedException NOT_A_ZIP, UNSAFE, TOO_LARGE, or NOT_A_DATASET for an archive
     *                                 without files
     */
    public static Path unpack(Path zip, Path target, ArchiveLimits limits) throws IOException {
        requireZipSignature(zip);
        Path root = target.toAbsolutePath().normalize();
        long unpacked = 0;
        int files = 0;
        try (ZipFile archive = open(zip)) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry;
                try {
                    entry = entries.nextElement();
                } catch (IllegalArgumentException e) {
                    throw new UploadRejectedException(Reason.NOT_A_ZIP,
                            "the ZIP archive has an entry name that is not valid UTF-8", e);
                }
                if (++count > limits.maxEntries()) {
                    throw new UploadRejectedException(Reason.TOO_LARGE, "the archive has more than "
                            + limits.maxEntries() + " entries (rareearth.ingest.max-entries)");
                }
                String name = entry.getName().replace('\\', '/');
                if (isMetadata(name)) {
                    continue;
                }
                Path destination = destination(root, name);
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                long budget = limits.maxUnpackedBytes() - unpacked;
                try (InputStream in = archive.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
                    unpacked += copyAtMost(in, out, budget, () -> new UploadRejectedException(Reason.TOO_LARGE,
                            "the archive unpacks to more than " + limits.maxUnpackedBytes()
                                    + " bytes (rareearth.ingest.max-unpacked-bytes); stopped at entry " + name));
                } catch (FileAlreadyExistsException e) {
                    throw new UploadRejectedException(Reason.UNSAFE, "the archive holds entry " + name + " twice");
                } catch (ZipException e) {
                    throw new UploadRejectedException(Reason.NOT_A_ZIP, "damaged ZIP archive at entry " + name
                            + ": " + e.getMessage(), e);
                }
                files++;
            }
        }
        if (files == 0) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET,
                    "the ZIP archive contains no files: expected country_codes.csv, product_codes.csv and "
                            + "BACI_*_Y<year>_*.csv");
        }
        return dataRoot(root);
    }

    private static void requireZipSignature(Path zip) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(zip)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean zipLike = n == head.length
                && (java.util.Arrays.equals(head, LOCAL_HEADER) || java.util.Arrays.equals(head, EMPTY_ARCHIVE));
        if (!zipLike) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP,
                    "the body is not a ZIP archive (it does not start with the ZIP signature PK\\003\\004): "
                            + "send a ZIP of a BACI-layout directory with Content-Type application/zip");
        }
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP, "the body is not a readable ZIP archive: "
                    + e.getMessage(), e);
        }
    }

    /** Where an entry goes; refuses names that would leave {@code root}. */
    static Path destination(Path root, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw new UploadRejectedException(Reason.UNSAFE, "unsafe entry name \"" + printable(name)
                    + "\" in the archive: absolute paths are not allowed");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new UploadRejectedException(Reason.UNSAFE, "unsafe entry name \"" + printable(name)
                        + "\" in the archive: \"..\" would write outside the data directory");
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new UploadRejectedException(Reason.UNSAFE, "unsafe entry name \"" + printable(name)
                    + "\" in the archive: it resolves outside the data directory");
        }
        return destination;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean isMetadata(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String last = lower.endsWith("/") ? "" : lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("__macosx/") || last.startsWith("._") || last.equals(".ds_store");
    }

    /** The target itself, or its only entry when that is a directory (a zipped folder). */
    private static Path dataRoot(Path root) throws IOException {
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            list.forEach(children::add);
        }
        if (children.size() == 1 && Files.isDirectory(children.get(0))) {
            return children.get(0);
        }
        return root;
    }

    private interface Overflow {
        UploadRejectedException exception();
    }

    /** Copies until the end or until more than {@code limit} bytes came, then throws. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit, Overflow overflow) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw overflow.exception();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
