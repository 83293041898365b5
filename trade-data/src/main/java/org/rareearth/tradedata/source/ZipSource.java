package org.rareearth.tradedata.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * The files of a ZIP archive on disk, read entry by entry without unpacking (the archive CEPII
 * ships, or a zipped folder). Files may sit at the root or in one top-level folder; deeper folders
 * and archiver metadata are ignored. Defensive: names are checked for zip slip, the number of
 * entries and the unpacked bytes are counted against {@link ArchiveLimits} while reading (the
 * sizes an archive declares can lie), an Office document (a ZIP too) is named as such.
 */
public final class ZipSource implements DataSource {

    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

    private final ZipFile archive;
    private final String label;
    private final ArchiveLimits limits;
    private final Map<String, ZipEntry> entries;
    private long unpacked;

    private ZipSource(ZipFile archive, String label, ArchiveLimits limits, Map<String, ZipEntry> entries) {
        this.archive = archive;
        this.label = label;
        this.limits = limits;
        this.entries = entries;
    }

    /**
     * Opens {@code zip}.
     *
     * @throws UploadRejectedException NOT_A_ZIP, NOT_THE_FORMAT (an Office document), UNSAFE,
     *                                 TOO_LARGE (too many entries), NOT_A_DATASET (no files)
     */
    public static ZipSource open(Path zip, ArchiveLimits limits, String label) throws IOException {
        requireZipSignature(zip);
        ZipFile archive;
        try {
            archive = new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP, "the body is not a readable ZIP archive: "
                    + e.getMessage(), e);
        }
        try {
            return new ZipSource(archive, label, limits, index(archive, limits));
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private static Map<String, ZipEntry> index(ZipFile archive, ArchiveLimits limits) {
        List<ZipEntry> files = new ArrayList<>();
        Enumeration<? extends ZipEntry> all = archive.entries();
        int count = 0;
        while (all.hasMoreElements()) {
            ZipEntry entry;
            try {
                entry = all.nextElement();
            } catch (IllegalArgumentException e) {
                throw new UploadRejectedException(Reason.NOT_A_ZIP,
                        "the ZIP archive has an entry name that is not valid UTF-8", e);
            }
            if (++count > limits.maxEntries()) {
                throw new UploadRejectedException(Reason.TOO_LARGE, "the archive has more than "
                        + limits.maxEntries() + " entries (rareearth.ingest.max-entries)");
            }
            String name = entry.getName().replace('\\', '/');
            ArchiveNames.requireSafe(name);
            if (name.equals("[Content_Types].xml") || name.startsWith("xl/") || name.startsWith("word/")) {
                throw new UploadRejectedException(Reason.NOT_THE_FORMAT, "the upload is an Office document "
                        + "(an .xlsx workbook or similar), not a data archive: save each sheet as CSV and send a "
                        + "ZIP of the CSV files");
            }
            if (!entry.isDirectory() && !ArchiveNames.isMetadata(name)) {
                files.add(entry);
            }
        }
        if (files.isEmpty()) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, "the ZIP archive contains no files");
        }
        String folder = commonFolder(files);
        Map<String, ZipEntry> byName = new TreeMap<>();
        for (ZipEntry e : files) {
            String rest = e.getName().replace('\\', '/').substring(folder.length());
            if (rest.contains("/")) {
                continue; // deeper folders are not part of the data set
            }
            if (byName.put(rest, e) != null) {
                throw new UploadRejectedException(Reason.UNSAFE, "the archive holds entry " + rest + " twice");
            }
        }
        return byName;
    }

    /** "" when files sit at the root, "name/" when every file is inside that one folder. */
    private static String commonFolder(List<ZipEntry> files) {
        String first = files.get(0).getName().replace('\\', '/');
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String folder = first.substring(0, slash + 1);
        boolean all = files.stream().allMatch(e -> e.getName().replace('\\', '/').startsWith(folder));
        return all ? folder : "";
    }

    private static void requireZipSignature(Path zip) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(zip)) {
            // enough to say what the bytes are when they are not a ZIP
            head = in.readNBytes(512);
        }
        if (head.length == 0) {
            throw new UploadRejectedException(Reason.EMPTY, "the upload is empty: expected a ZIP archive");
        }
        byte[] signature = Arrays.copyOf(head, Math.min(4, head.length));
        boolean zipLike = Arrays.equals(signature, LOCAL_HEADER) || Arrays.equals(signature, EMPTY_ARCHIVE);
        if (!zipLike) {
            String kind = FileKind.describe(head);
            throw new UploadRejectedException(Reason.NOT_A_ZIP, "the body is not a ZIP archive"
                    + (kind == null ? "" : " (it looks like " + kind + ")")
                    + ": send a ZIP with Content-Type application/zip, or CSV files as text/csv or multipart/form-data");
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> fileNames() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public long size(String name) {
        return entry(name).getSize();
    }

    @Override
    public InputStream open(String name) throws IOException {
        ZipEntry entry = entry(name);
        InputStream in;
        try {
            in = archive.getInputStream(entry);
        } catch (ZipException e) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP, "damaged ZIP archive at entry " + name + ": "
                    + e.getMessage(), e);
        }
        return new Budgeted(in, name);
    }

    private ZipEntry entry(String name) {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no file " + name + " in " + label);
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }

    /** Counts unpacked bytes of every entry against the archive's budget; a damaged entry is named. */
    private final class Budgeted extends FilterInputStream {
        private final String name;

        Budgeted(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException e) {
                throw new UploadRejectedException(Reason.NOT_A_ZIP, "damaged ZIP archive at entry " + name + ": "
                        + e.getMessage(), e);
            }
            if (n > 0) {
                unpacked += n;
                if (unpacked > limits.maxUnpackedBytes()) {
                    throw new UploadRejectedException(Reason.TOO_LARGE, "the archive unpacks to more than "
                            + limits.maxUnpackedBytes() + " bytes (rareearth.ingest.max-unpacked-bytes); stopped at entry "
                            + name);
                }
            }
            return n;
        }
    }
}
