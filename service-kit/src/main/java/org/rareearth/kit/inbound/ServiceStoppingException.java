package org.rareearth.kit.inbound;

/**
 * Handling stopped at a safe point because the service shuts down: the message is left
 * unacknowledged and read again after the restart; what was stored but not yet published is sent
 * then.
 */
public final class ServiceStoppingException extends RuntimeException {

    public ServiceStoppingException() {
        super("the service is shutting down", null, false, false);
    }
}
