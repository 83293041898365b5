package org.rareearth.scenario.core;

/** A scenario cannot be validated before the first data-set version has arrived on {@code trade.baseline}. */
public final class NoTradeDataException extends RuntimeException {

    public NoTradeDataException() {
        super("no trade data ingested yet: a scenario is validated against the years and products of the latest"
                + " data-set version, and none has arrived on trade.baseline (upload one to ingest-service)");
    }
}
