package org.rareearth.tradedata;

/** An ingest stopped on request: nothing of it is stored. */
public class IngestCancelledException extends RuntimeException {

    public IngestCancelledException(String message) {
        super(message);
    }
}
