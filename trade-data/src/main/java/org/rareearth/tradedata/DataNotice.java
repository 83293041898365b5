package org.rareearth.tradedata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * The provenance statement every output made from a data set repeats (docs/events.md, "honest
 * data"): the {@code notice} of a data set's {@code dataset.properties}, or, when the upload does
 * not say where its numbers come from, {@link #NOT_RECORDED}. Both readers parse the file here.
 */
public final class DataNotice {

    public static final String FILE = "dataset.properties";
    public static final String KEY = "notice";
    /**
     * What outputs say when the data set came without a notice: the one text of the ingest service's
     * events and of every CLI output (the other services repeat the notice of the event they read).
     */
    public static final String NOT_RECORDED = "Provenance not recorded: this data set came without a "
            + "notice (dataset.properties). Do not present outputs made from it as official trade statistics.";

    private DataNotice() {
    }

    /** The notice outputs repeat: {@code notice} stripped, or {@link #NOT_RECORDED} when it is null or blank. */
    public static String orNotRecorded(String notice) {
        return notice == null || notice.isBlank() ? NOT_RECORDED : notice.strip();
    }

    /**
     * The trimmed {@code notice} property of the bytes of a {@code dataset.properties} file (UTF-8),
     * or null when the property is missing or blank.
     *
     * @throws UploadRejectedException NOT_A_DATASET when the bytes are not a readable properties file
     */
    public static String parse(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), decoder)) {
            properties.load(in);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, FILE + ": not a readable properties file ("
                    + e.getMessage() + ")", e);
        }
        String notice = properties.getProperty(KEY, "").strip();
        return notice.isEmpty() ? null : notice;
    }
}
