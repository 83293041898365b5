package org.rareearth.ingest.service;

/** No data-set version with this id is stored. */
public class DatasetNotFoundException extends RuntimeException {

    public DatasetNotFoundException(String version) {
        super("no data set with version " + version + " (GET /datasets lists the stored versions)");
    }
}
