package org.rareearth.scenario.core;

/** One unit of work of a scenario version on a data-set version: one product in one year. */
public record WorkCell(String product, int year) {
}
