package org.rareearth.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.ingest.DemoZip;
import org.rareearth.ingest.core.UploadRejectedException.Reason;

class ZipUploadTest {

    static final ArchiveLimits LIMITS = new ArchiveLimits(1_000_000, 5_000_000, 100);

    @TempDir
    Path tmp;

    Path receive(byte[] bytes) throws IOException {
        Path zip = Files.createTempDirectory(tmp, "call").resolve("upload.zip");
        ZipUpload.receive(new ByteArrayInputStream(bytes), zip, LIMITS);
        return zip;
    }

    Path unpack(byte[] bytes) throws IOException {
        Path zip = receive(bytes);
        return ZipUpload.unpack(zip, Files.createDirectory(zip.resolveSibling("data")), LIMITS);
    }

    static Reason reason(Throwable t) {
        return ((UploadRejectedException) t).reason();
    }

    @Test
    void unpacksAtTheRootOrInsideOneFolder() throws IOException {
        Path root = unpack(DemoZip.demo().inFolder("rare-earth-demo").zip());
        assertThat(root.getFileName().toString()).isEqualTo("rare-earth-demo");
        assertThat(root.resolve("country_codes.csv")).isRegularFile();
    }

    @Test
    void macMetadataIsSkipped() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("__MACOSX/._x.csv", new byte[] {1});
        entries.put("d/.DS_Store", new byte[] {1});
        entries.put("d/country_codes.csv", "a".getBytes());
        Path root = unpack(DemoZip.rawZip(entries));
        assertThat(root.getFileName().toString()).isEqualTo("d");
        assertThat(root.resolve(".DS_Store")).doesNotExist();
    }

    @Test
    void zipSlipAndAbsoluteNamesAreRefused() {
        for (String name : new String[] {"../evil.csv", "a/../../evil.csv", "/tmp/evil.csv", "C:/evil.csv", "..\\evil.csv"}) {
            assertThatThrownBy(() -> unpack(DemoZip.rawZip(Map.of(name, "x".getBytes()))))
                    .as(name).isInstanceOf(UploadRejectedException.class)
                    .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.UNSAFE))
                    .hasMessageContaining("unsafe entry name");
            assertThat(tmp.getParent().resolve("evil.csv")).doesNotExist();
        }
    }

    @Test
    void emptyAndForeignBodiesAreRefused() {
        assertThatThrownBy(() -> receive(new byte[0])).satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.EMPTY))
                .hasMessageContaining("ZIP");
        assertThatThrownBy(() -> unpack("t,i,j,k,v,q\n".getBytes()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_ZIP))
                .hasMessageContaining("not a ZIP archive");
        assertThatThrownBy(() -> unpack(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_ZIP));
        assertThatThrownBy(() -> unpack(DemoZip.rawZip(Map.of())))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_DATASET))
                .hasMessageContaining("no files");
    }

    @Test
    void limitsAreCountedNotBelieved() {
        assertThatThrownBy(() -> receive(new byte[1_000_001]))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("1000000 bytes");
        assertThatThrownBy(() -> unpack(DemoZip.rawZip(Map.of("a.csv", new byte[3_000_000], "b.csv", new byte[3_000_000]))))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("unpacks to more than 5000000 bytes");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("f" + i + ".csv", new byte[] {1});
        }
        assertThatThrownBy(() -> unpack(DemoZip.rawZip(many)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("more than 100 entries");
    }
}
