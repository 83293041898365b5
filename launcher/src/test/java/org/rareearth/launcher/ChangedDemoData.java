package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The demo data with the 2023 CHN -> USA magnet flow doubled: other content, so another data-set
 * version, that covers the demo's years and products (so it becomes current on upload).
 */
final class ChangedDemoData {

    /** BACI_HS17_Y2023_RE.csv: the CHN -> USA magnet flow (156 -> 842). */
    static final String CHN_USA_2023 = "2023,156,842,850511,";

    private ChangedDemoData() {
    }

    /** Writes the changed copy into {@code work}/demo-changed and returns that directory. */
    static Path write(Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("demo-changed"));
        try (Stream<Path> files = Files.list(SharedSystem.demoData())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path year = dir.resolve("BACI_HS17_Y2023_RE.csv");
        List<String> lines = Files.readAllLines(year);
        int changed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(CHN_USA_2023)) {
                String[] f = line.split(",", -1);
                f[4] = String.format(Locale.ROOT, "%.3f", Double.parseDouble(f[4]) * 2);
                lines.set(i, String.join(",", f));
                changed++;
            }
        }
        assertThat(changed).as("the CHN -> USA magnet row of 2023").isEqualTo(1);
        Files.write(year, lines);
        return dir;
    }
}
