package org.rareearth.tradedata.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * Recognises files that are not CSV text from their first bytes, so that a spreadsheet, an HTML
 * error page saved as {@code .csv}, a PDF or an empty file is refused with a message that says
 * what it is, instead of producing thousands of "malformed row" problems.
 */
public final class FileKind {

    private static final int SNIFF_BYTES = 512;

    private FileKind() {
    }

    /**
     * What the bytes are when they are clearly not CSV text ("an HTML page", "an Excel workbook
     * (.xls)", ...), or null when they may be CSV.
     */
    public static String describe(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "a ZIP archive or an .xlsx workbook";
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            return "an Excel workbook (.xls) or another Office document";
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "a PDF document";
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "a gzip-compressed file";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3).stripLeading();
        }
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<?xml")
                || text.startsWith("<head") || text.startsWith("<body")) {
            return "an HTML or XML page (an error page saved as .csv?)";
        }
        for (byte b : head) {
            if (b == 0) {
                return "a binary file";
            }
        }
        return null;
    }

    /**
     * The stream, positioned at its start, after checking that it holds CSV text.
     *
     * @throws UploadRejectedException NOT_THE_FORMAT naming {@code file} and what it is instead
     */
    public static InputStream requireCsv(InputStream in, String file) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        if (head.length == 0 || new String(head, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new UploadRejectedException(Reason.NOT_THE_FORMAT, file + ": the file is empty (expected CSV text with a header)");
        }
        String kind = describe(head);
        if (kind != null) {
            throw new UploadRejectedException(Reason.NOT_THE_FORMAT, file + ": not a CSV file, it looks like " + kind);
        }
        return buffered;
    }
}
