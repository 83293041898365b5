package org.rareearth.shared.scenario;

/** Whether an event's {@code rate} replaces the rate in force or is added to it (MODEL.md 12). */
public enum RateMode {
    SET, ADD
}
