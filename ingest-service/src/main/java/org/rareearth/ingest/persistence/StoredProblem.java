package org.rareearth.ingest.persistence;

/** A rejected row as GET /datasets/{version}/problems lists it; {@code column} null = the whole row. */
public record StoredProblem(String file, long line, String column, String message) {
}
