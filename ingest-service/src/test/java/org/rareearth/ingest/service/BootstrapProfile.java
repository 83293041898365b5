package org.rareearth.ingest.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rareearth.tradedata.DemoZip;

/**
 * Starts the service with {@code rareearth.ingest.bootstrap-dir} pointing at a directory of data
 * sets: a copy of the demo directory, the demo data as a CEPII release ZIP and a directory with a
 * UN Comtrade export, each with its own
 * notice, so their content versions are their own and the test proves this start created them
 * (the plain demo data may already be stored by another test of this JVM).
 */
public class BootstrapProfile implements QuarkusTestProfile {

    public static final String NOTICE = "Demo data copied by BootstrapTest (reconstruction, not official BACI data)";
    public static final String RELEASE_NOTICE = "CEPII-layout release built by BootstrapTest from the demo reconstruction";
    static final Path ROOT = root();
    static final Path DIR = ROOT.resolve("rare-earth-demo");
    static final Path RELEASE = ROOT.resolve("BACI_HS17_V202401b.zip");
    /** UN Comtrade export fixture (trade-data/src/test/resources/comtrade/demo), with its own notice. */
    static final Path COMTRADE = ROOT.resolve("comtrade-2023");
    public static final String COMTRADE_NOTICE = "Comtrade-layout export copied by BootstrapTest (reconstruction, not UN Comtrade data)";

    private static Path root() {
        try {
            Path root = Files.createTempDirectory("ingest-bootstrap-");
            DemoZip.demo().withNotice(NOTICE).writeTo(root.resolve("rare-earth-demo"));
            Files.write(root.resolve("BACI_HS17_V202401b.zip"), DemoZip.cepiiRelease(100).withNotice(RELEASE_NOTICE).zip());
            Path comtrade = Files.createDirectory(root.resolve("comtrade-2023"));
            Files.copy(Path.of("../trade-data/src/test/resources/comtrade/demo/comtrade_demo_2023.csv"),
                    comtrade.resolve("comtrade_demo_2023.csv"));
            Files.writeString(comtrade.resolve("dataset.properties"), "notice=" + COMTRADE_NOTICE + "\n");
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
