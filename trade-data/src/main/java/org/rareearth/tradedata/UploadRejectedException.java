package org.rareearth.tradedata;

/**
 * An upload that cannot become a data-set version. The {@link Reason} decides the HTTP status the
 * REST adapter answers with; the message says what is wrong and where (a file inside the archive,
 * never a server path).
 */
public class UploadRejectedException extends RuntimeException {

    /** Why an upload is refused. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** The bytes are not a ZIP archive (or a damaged one). */
        NOT_A_ZIP,
        /** The upload, or what it unpacks to, is over the configured limit. */
        TOO_LARGE,
        /** An entry would be written outside the unpack directory (zip slip) or is a link. */
        UNSAFE,
        /**
         * A readable source, but neither a usable BACI data set nor UN Comtrade exports (a mandatory
         * file or column missing, a bad header).
         */
        NOT_A_DATASET,
        /** A file that is not what it claims to be: a spreadsheet, an HTML page, an empty or binary file. */
        NOT_THE_FORMAT,
        /** More data rows than {@code rareearth.ingest.max-rows}. */
        TOO_MANY_ROWS,
        /** More rejected rows than {@code rareearth.ingest.max-problems}. */
        TOO_MANY_PROBLEMS,
        /** Readable, but not one row of the kept products was accepted: nothing to forecast on. */
        NO_USABLE_ROWS
    }

    private final Reason reason;

    public UploadRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UploadRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
