package org.rareearth.network.metrics;

/** A third country's two-step flow {@code min(w[a][m], w[m][b])} and its share of all of them (MODEL.md 8). */
public record Broker(String country, double flow, double share) {
}
