package org.rareearth.tradedata.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The regular files directly inside a directory (not its sub-directories). */
public final class DirectorySource implements DataSource {

    private final Path dir;
    private final String label;
    private final List<String> names;

    public DirectorySource(Path dir, String label) throws IOException {
        this.dir = dir;
        this.label = label;
        try (Stream<Path> list = Files.list(dir)) {
            this.names = list.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !ArchiveNames.isMetadata(n))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> fileNames() {
        return names;
    }

    @Override
    public long size(String name) {
        try {
            return Files.size(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("no file " + name + " in " + label);
        }
        return Files.newInputStream(dir.resolve(name));
    }
}
