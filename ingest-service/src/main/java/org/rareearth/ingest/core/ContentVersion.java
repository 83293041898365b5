package org.rareearth.ingest.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.rareearth.ingest.baci.BaciDataset;

/**
 * The version of a data set: {@code sha256:} and the hex SHA-256 of its content, so that the same
 * content always gets the same version, however it was packed (folder or not, entry order, time
 * stamps and compression of the ZIP do not count).
 *
 * <p>Content = the files that make the published baselines: {@code country_codes.csv},
 * {@code product_codes.csv}, the year files {@code BACI_*_Y<year>_*.csv}, {@code tariffs.csv} and
 * {@code dataset.properties} (its notice travels in every event). Other files (README, provenance
 * tables) are not read and do not change the version. The hash runs over the files sorted by name,
 * each framed as {@code name, 0x00, 8-byte length, bytes}, so two different file sets can never
 * give the same byte stream. Bytes are hashed as they are: a file saved with other line endings is
 * other content.
 */
public final class ContentVersion {

    public static final String PREFIX = "sha256:";

    private ContentVersion() {
    }

    /** Whether {@code fileName} is part of the content of a data directory. */
    public static boolean isDataFile(String fileName) {
        return List.of(BaciDataset.COUNTRY_FILE, BaciDataset.PRODUCT_FILE, BaciDataset.TARIFF_FILE, DataNotice.FILE)
                .contains(fileName) || BaciDataset.YEAR_FILE.matcher(fileName).matches();
    }

    /** The version of the data files directly in {@code dir}. */
    public static String of(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> isDataFile(p.getFileName().toString()))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                while (in.read(buffer) >= 0) {
                    // the digest stream hashes what is read
                }
            }
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    public static String of(org.rareearth.ingest.source.TradeData d, org.rareearth.ingest.source.ProductFilter f) { return "stub"; }

    /** Accepts a version with or without its {@code sha256:} prefix (a URL is easier to type without it). */
    public static String normalise(String version) {
        String v = version.strip();
        return v.startsWith(PREFIX) ? v : PREFIX + v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
