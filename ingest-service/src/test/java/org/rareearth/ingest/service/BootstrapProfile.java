package org.rareearth.ingest.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rareearth.ingest.DemoZip;

/**
 * Starts the service with {@code rareearth.ingest.bootstrap-dir} pointing at a directory of data
 * sets: a copy of the demo directory and the demo data as a CEPII release ZIP, each with its own
 * notice, so their content versions are their own and the test proves this start created them
 * (the plain demo data may already be stored by another test of this JVM).
 */
public class BootstrapProfile implements QuarkusTestProfile {

    public static final String NOTICE = "Demo data copied by BootstrapTest (reconstruction, not official BACI data)";
    public static final String RELEASE_NOTICE = "CEPII-layout release built by BootstrapTest from the demo reconstruction";
    static final Path ROOT = root();
    static final Path DIR = ROOT.resolve("rare-earth-demo");
    static final Path RELEASE = ROOT.resolve("BACI_HS17_V202401b.zip");

    private static Path root() {
        try {
            Path root = Files.createTempDirectory("ingest-bootstrap-");
            DemoZip.demo().withNotice(NOTICE).writeTo(root.resolve("rare-earth-demo"));
            Files.write(root.resolve("BACI_HS17_V202401b.zip"), DemoZip.cepiiRelease(100).withNotice(RELEASE_NOTICE).zip());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rareearth.ingest.bootstrap-dir", ROOT.toString());
    }
}
