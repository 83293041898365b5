package org.rareearth.shared.events;

/** A message that is not a readable event of the expected type; the message says why. */
public final class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
