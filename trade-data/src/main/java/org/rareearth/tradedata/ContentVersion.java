package org.rareearth.tradedata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The version of a data set: {@code sha256:} and a hex SHA-256 that identifies its content, so
 * that the same content always gets the same version, however it was packed (folder or ZIP, file
 * order, time stamps and compression of the archive do not count).
 *
 * <p>Content = the format, the product filter the data set was read with (the same file filtered
 * otherwise is other content) and the files the reader used, as listed in
 * {@link TradeData#fileDigests()}: for BACI the country and product tables, the year files,
 * {@code tariffs.csv} and {@code dataset.properties} (its notice travels in every event). Other
 * files (README, provenance tables) are not read and do not change the version. The digests come
 * from the reader's single pass over each file ({@code MeteredInput}); no file is read twice.
 *
 * <p>The version is the SHA-256 of the UTF-8 lines {@code format\n}, {@code filter\n} (the
 * filter's {@code toString()}: {@code all} or the comma list of codes) and, for each file sorted
 * by name, {@code name\0hex-digest\n}. Bytes are hashed as they are: a file saved with other line
 * endings is other content.
 */
public final class ContentVersion {

    public static final String PREFIX = "sha256:";

    private ContentVersion() {
    }

    /** The version of what a reader made of a source with {@code filter}. */
    public static String of(TradeData data, ProductFilter filter) {
        return of(data.format(), filter, data.fileDigests());
    }

    /** The version of files with the given digests (file name to hex SHA-256), read as {@code format} with {@code filter}. */
    public static String of(String format, ProductFilter filter, Map<String, String> fileDigests) {
        MessageDigest digest = sha256();
        digest.update((format + "\n" + filter + "\n").getBytes(StandardCharsets.UTF_8));
        fileDigests.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> digest.update((e.getKey() + "\0" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8)));
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

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
