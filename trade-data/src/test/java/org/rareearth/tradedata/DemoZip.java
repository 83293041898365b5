package org.rareearth.tradedata;

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

    /**
     * The demo data laid out as CEPII ships a BACI release: suffixed names
     * ({@code BACI_HS17_Y2023_V202401b.csv}, {@code country_codes_V202401b.csv},
     * {@code product_codes_HS17_V202401b.csv}), a {@code Readme.txt}, no {@code tariffs.csv}, and
     * {@code otherRowsPerYear} rows of two products that are not rare earths (horses 010121 and
     * crude oil 270900, in the product table too) in every year file, which the default filter skips.
     */
    public static DemoZip cepiiRelease(int otherRowsPerYear) {
        DemoZip demo = demo();
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : demo.files.entrySet()) {
            String name = e.getKey();
            java.util.regex.Matcher year = java.util.regex.Pattern.compile("BACI_HS17_Y(\\d{4})_RE\\.csv").matcher(name);
            if (year.matches()) {
                StringBuilder text = new StringBuilder(new String(e.getValue(), StandardCharsets.UTF_8));
                if (text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
                for (int r = 0; r < otherRowsPerYear; r++) {
                    // distinct (i, j, k) keys among the first countries of country_codes.csv
                    int exporter = OTHER_CODES[r % OTHER_CODES.length];
                    int importer = OTHER_CODES[(r / OTHER_CODES.length + 1 + r) % OTHER_CODES.length];
                    String product = (r / (OTHER_CODES.length * OTHER_CODES.length)) % 2 == 0 ? "10121" : "270900";
                    text.append(year.group(1)).append(',').append(exporter).append(',').append(importer).append(',')
                            .append(product).append(',').append(r % 997).append(".125,").append(r % 5 == 0 ? "" : "1.5")
                            .append('\n');
                }
                out.put("BACI_HS17_Y" + year.group(1) + "_V202401b.csv", text.toString().getBytes(StandardCharsets.UTF_8));
            } else if (name.equals("country_codes.csv")) {
                out.put("country_codes_V202401b.csv", e.getValue());
            } else if (name.equals("product_codes.csv")) {
                String products = new String(e.getValue(), StandardCharsets.UTF_8).stripTrailing()
                        + "\n010121,\"Horses: live, pure-bred breeding animals\",other\n270900,Petroleum oils; crude,other\n";
                out.put("product_codes_HS17_V202401b.csv", products.getBytes(StandardCharsets.UTF_8));
            } else if (name.equals("dataset.properties")) {
                out.put(name, e.getValue());
            }
        }
        out.put("Readme.txt", "BACI release V202401b laid out as CEPII ships it (built from the demo reconstruction)\n"
                .getBytes(StandardCharsets.UTF_8));
        return new DemoZip(out);
    }

    /** BACI codes of countries of the demo's country_codes.csv, used for rows of other products. */
    private static final int[] OTHER_CODES = {36, 156, 842, 392, 458, 704};

    /** The names of the files, in order. */
    public java.util.Set<String> names() {
        return files.keySet();
    }

    public byte[] bytes(String name) {
        return files.get(name);
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
