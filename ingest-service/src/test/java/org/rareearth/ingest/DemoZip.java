package org.rareearth.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** ZIP archives built in the test from the demo data ({@code data/rare-earth-demo}), optionally changed. */
public final class DemoZip {

    public static final Path DEMO = Path.of("..", "data", "rare-earth-demo");

    private final Map<String, byte[]> files = new TreeMap<>();
    private String folder = "";

    private DemoZip(Map<String, byte[]> files) {
        this.files.putAll(files);
    }

    /** Every file of the demo directory. */
    public static DemoZip demo() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(DEMO)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoZip(files);
    }

    public DemoZip without(String name) {
        files.remove(name);
        return this;
    }

    public DemoZip with(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Replaces one line (1-based, header = 1) of a file. */
    public DemoZip replaceLine(String name, int line, String content) {
        List<String> lines = new java.util.ArrayList<>(List.of(text(name).split("\n", -1)));
        lines.set(line - 1, content);
        files.put(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A distinct data set: the same data with its own notice (so its version and events are its own). */
    public DemoZip withNotice(String notice) {
        return with("dataset.properties", "name=test\nnotice=" + notice + "\n");
    }

    /** Wraps every entry in one folder, as zipping a directory does. */
    public DemoZip inFolder(String name) {
        this.folder = name.endsWith("/") ? name : name + "/";
        return this;
    }

    public String text(String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (!folder.isEmpty()) {
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the files to {@code dir} (a data directory for the bootstrap). */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A raw archive with exactly the given entries (names as given, e.g. "../evil.csv"). */
    public static byte[] rawZip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
