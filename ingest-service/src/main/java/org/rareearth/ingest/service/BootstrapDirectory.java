package org.rareearth.ingest.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What a bootstrap directory holds: itself as one data set, or data sets in its entries. */
final class BootstrapDirectory {

    private BootstrapDirectory() {
    }

    /**
     * {@code dir} itself when it has CSV files; otherwise its sub-directories and {@code .zip}
     * files, sorted by name.
     */
    static List<Path> datasets(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> entries = list.sorted().toList();
            boolean hasCsv = entries.stream().anyMatch(p -> Files.isRegularFile(p) && lower(p).endsWith(".csv"));
            if (hasCsv) {
                return List.of(dir);
            }
            return entries.stream()
                    .filter(p -> Files.isDirectory(p) || (Files.isRegularFile(p) && lower(p).endsWith(".zip")))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    private static String lower(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
