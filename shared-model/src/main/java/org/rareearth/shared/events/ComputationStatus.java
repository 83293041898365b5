package org.rareearth.shared.events;

/** Outcome of a computation a result or metrics event reports: a failure is reported, never dropped. */
public enum ComputationStatus {
    OK, FAILED
}
