package org.rareearth.kit.outbox;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The broker did not acknowledge an outbox row; the row stays stored and unpublished. Either it did
 * not answer in time (the broker is down or slow: sending again later can succeed) or Kafka refused
 * the record for good ({@link #refused()}: a non-retriable error such as a record over the size
 * limit; sending it again cannot succeed until an operator changes that limit).
 */
public class PublishFailedException extends RuntimeException {

    private final transient OutboxRow row;
    private final boolean refused;
    private final boolean timedOut;

    public PublishFailedException(String topic, OutboxRow row, Throwable failure, Duration timeout) {
        super(topic + " " + row.id() + ": " + reason(failure, timeout), failure);
        this.row = row;
        this.refused = refused(failure);
        this.timedOut = timedOut(failure);
    }

    public OutboxRow row() {
        return row;
    }

    /** Kafka refused this record for good (a non-retriable error): sending it again cannot succeed. */
    public boolean refused() {
        return refused;
    }

    /** Our own wait for the acknowledgement ran out (the broker is down or slow). */
    public boolean timedOut() {
        return timedOut;
    }

    /** What the client reported: the failure's class and message, without the wrappers. */
    public String cause() {
        return cause(getCause());
    }

    /** A Kafka error that is not retriable, anywhere in the chain. */
    static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException && !(t instanceof RetriableException)) {
                return true;
            }
        }
        return false;
    }

    /** Our own wait ran out, or what the client reported (without the wrappers). */
    static String reason(Throwable failure, Duration timeout) {
        return timedOut(failure) ? "no broker acknowledgement" + (timeout == null ? "" : " within " + timeout)
                : cause(failure);
    }

    private static boolean timedOut(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof io.smallrye.mutiny.TimeoutException || cause instanceof java.util.concurrent.TimeoutException;
    }

    /** The failure's class and message, without the wrappers. */
    static String cause(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
