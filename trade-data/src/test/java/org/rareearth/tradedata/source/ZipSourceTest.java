package org.rareearth.tradedata.source;

import org.rareearth.tradedata.IngestProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.tradedata.ArchiveLimits;
import org.rareearth.tradedata.source.UploadBody;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;

class ZipSourceTest {

    static final ArchiveLimits LIMITS = new ArchiveLimits(1_000_000, 5_000_000, 100);

    @TempDir
    Path tmp;

    Path receive(byte[] bytes) throws IOException {
        Path zip = Files.createTempDirectory(tmp, "call").resolve("upload.zip");
        UploadBody.receive(new ByteArrayInputStream(bytes), zip, LIMITS, "a ZIP archive", new IngestProgress());
        return zip;
    }

    ZipSource open(byte[] bytes) throws IOException {
        return ZipSource.open(receive(bytes), LIMITS, "upload");
    }

    /** Reads every file to the end (the unpacked-size limit is counted while reading). */
    static void readAll(DataSource source) throws IOException {
        for (String name : source.fileNames()) {
            try (InputStream in = source.open(name)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }

    static Reason reason(Throwable t) {
        return ((UploadRejectedException) t).reason();
    }

    @Test
    void filesAtTheRootOrInsideOneFolderAreListedByName() throws IOException {
        try (ZipSource inFolder = open(DemoZip.demo().inFolder("rare-earth-demo").zip());
             ZipSource atRoot = open(DemoZip.demo().zip())) {
            assertThat(inFolder.fileNames()).contains("country_codes.csv", "BACI_HS17_Y2023_RE.csv");
            assertThat(inFolder.fileNames()).isEqualTo(atRoot.fileNames());
            assertThat(inFolder.size("country_codes.csv"))
                    .isEqualTo(Files.size(DemoZip.DEMO.resolve("country_codes.csv")));
            try (InputStream in = inFolder.open("country_codes.csv")) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(DemoZip.DEMO.resolve("country_codes.csv")));
            }
        }
    }

    @Test
    void macMetadataAndDeeperFoldersAreNotListed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("__MACOSX/._x.csv", new byte[] {1});
        entries.put("d/.DS_Store", new byte[] {1});
        entries.put("d/country_codes.csv", "a".getBytes());
        entries.put("d/deeper/other.csv", "b".getBytes());
        try (ZipSource source = open(DemoZip.rawZip(entries))) {
            assertThat(source.fileNames()).isEqualTo(List.of("country_codes.csv"));
        }
    }

    @Test
    void zipSlipAndAbsoluteNamesAreRefused() {
        for (String name : new String[] {"../evil.csv", "a/../../evil.csv", "/tmp/evil.csv", "C:/evil.csv", "..\\evil.csv"}) {
            assertThatThrownBy(() -> open(DemoZip.rawZip(Map.of(name, "x".getBytes()))))
                    .as(name).isInstanceOf(UploadRejectedException.class)
                    .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.UNSAFE))
                    .hasMessageContaining("unsafe entry name");
        }
    }

    @Test
    void emptyForeignAndOfficeBodiesAreRefusedSayingWhatTheyAre() {
        assertThatThrownBy(() -> receive(new byte[0])).satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.EMPTY))
                .hasMessageContaining("ZIP");
        assertThatThrownBy(() -> open("t,i,j,k,v,q\n".getBytes()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_ZIP))
                .hasMessageContaining("not a ZIP archive");
        assertThatThrownBy(() -> open("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>".getBytes()))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_ZIP))
                .hasMessageContaining("HTML");
        assertThatThrownBy(() -> open(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_ZIP));
        assertThatThrownBy(() -> open(DemoZip.rawZip(Map.of())))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_A_DATASET))
                .hasMessageContaining("no files");
        Map<String, byte[]> xlsx = new LinkedHashMap<>();
        xlsx.put("[Content_Types].xml", "<Types/>".getBytes());
        xlsx.put("xl/workbook.xml", "<workbook/>".getBytes());
        assertThatThrownBy(() -> open(DemoZip.rawZip(xlsx)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.NOT_THE_FORMAT))
                .hasMessageContaining(".xlsx workbook");
    }

    @Test
    void limitsAreCountedNotBelieved() throws IOException {
        assertThatThrownBy(() -> receive(new byte[1_000_001]))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("1000000 bytes");
        try (ZipSource big = open(DemoZip.rawZip(Map.of("a.csv", new byte[3_000_000], "b.csv", new byte[3_000_000])))) {
            assertThatThrownBy(() -> readAll(big))
                    .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                    .hasMessageContaining("unpacks to more than 5000000 bytes");
        }
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("f" + i + ".csv", new byte[] {1});
        }
        assertThatThrownBy(() -> open(DemoZip.rawZip(many)))
                .satisfies(t -> assertThat(reason(t)).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("more than 100 entries");
    }
}
