package org.rareearth.ingest.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rareearth.ingest.DemoZip;

/**
 * Starts the service with {@code rareearth.ingest.bootstrap-dir} pointing at a copy of the demo
 * directory that carries its own notice: its own content version, so the test proves this start
 * created it (the plain demo data may already be stored by another test of this JVM).
 */
public class BootstrapProfile implements QuarkusTestProfile {

    public static final String NOTICE = "Demo data copied by BootstrapTest (reconstruction, not official BACI data)";
    static final Path DIR = copy();

    private static Path copy() {
        try {
            Path dir = Files.createTempDirectory("ingest-bootstrap-").resolve("rare-earth-demo");
            DemoZip.demo().withNotice(NOTICE).writeTo(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rareearth.ingest.bootstrap-dir", DIR.toString());
    }
}
