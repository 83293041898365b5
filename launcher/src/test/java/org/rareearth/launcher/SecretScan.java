package org.rareearth.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Searches log files for credentials: each secret as it is, URL-encoded and base64-encoded (how a
 * password leaks through a JDBC URL or an Authorization header). A finding names the file, the line
 * and which secret (by its label), never the secret itself: the report ends up in test output.
 */
final class SecretScan {

    /** One line of one file that holds one secret. */
    record Finding(Path file, int line, String secret) {
        @Override
        public String toString() {
            return file + ":" + line + " holds " + secret;
        }
    }

    private final Map<String, String> forms = new LinkedHashMap<>();

    /** @param secrets label -> secret; blank secrets are refused (they would match every line) */
    SecretScan(Map<String, String> secrets) {
        secrets.forEach((label, secret) -> {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("secret " + label + " is blank");
            }
            // an encoding that changes nothing (no character to escape) is the plain form already
            forms.putIfAbsent(secret, label);
            forms.putIfAbsent(URLEncoder.encode(secret, StandardCharsets.UTF_8), label + " (URL-encoded)");
            forms.putIfAbsent(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)), label + " (base64)");
        });
    }

    /** Every *.log file under {@code dir}. */
    List<Finding> scanDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Finding> findings = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                findings.addAll(scan(file));
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    List<Finding> scan(Path file) {
        List<Finding> findings = new ArrayList<>();
        // a log may hold bytes that are not UTF-8 (a process's raw output): read them as Latin-1,
        // which maps every byte and keeps the ASCII of the secrets intact
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                for (Map.Entry<String, String> form : forms.entrySet()) {
                    if (line.contains(form.getKey())) {
                        findings.add(new Finding(file, number, form.getValue()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return findings;
    }
}
