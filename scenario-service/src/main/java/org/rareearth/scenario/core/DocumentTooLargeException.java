package org.rareearth.scenario.core;

/** A request body or a stored document over {@code rareearth.scenario.max-document-bytes}; nothing is stored. */
public final class DocumentTooLargeException extends RuntimeException {

    private final long limit;

    public DocumentTooLargeException(String what, long limit) {
        super(what + "; at most " + limit + " bytes are accepted (rareearth.scenario.max-document-bytes)");
        this.limit = limit;
    }

    /** The configured limit in bytes. */
    public long limit() {
        return limit;
    }
}
