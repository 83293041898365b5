package org.rareearth.simulation.messaging;

/**
 * Handling stopped at a safe point because the service shuts down: what is stored but not yet
 * published is sent after the restart, when the unacknowledged message is read again.
 */
public final class ServiceStoppingException extends RuntimeException {

    public ServiceStoppingException() {
        super("the service is shutting down", null, false, false);
    }
}
