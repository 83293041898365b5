package org.rareearth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report (maps, lists, numbers, strings) as indented JSON to a file or a stream. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** JSON has no NaN or infinity: a number that is not finite is written as null. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String text(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    static void write(Object report, Path file, PrintStream stdout) {
        String json = text(report);
        if (file == null) {
            stdout.println(json);
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json + System.lineSeparator());
        } catch (IOException e) {
            throw new UsageException("--out " + file + ": cannot write: " + e.getMessage());
        }
    }
}
