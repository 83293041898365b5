package org.rareearth.cli;

/** A command line that cannot be run as written: the message says what to change. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
