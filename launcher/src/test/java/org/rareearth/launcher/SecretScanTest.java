package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner SecretsNotLoggedEndToEndTest relies on finds a secret where it is, and only there. */
class SecretScanTest {

    /** With characters a URL encodes, so that its URL-encoded form differs from it. */
    private static final String PASSWORD = "s3cr3t+Pa55/word=xyz";

    @Test
    void findsTheSecretPlainUrlEncodedAndBase64InEveryLogButNamesItOnlyByLabel(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("clean.log"), "INFO started in 1.2 s\nDEBUG pool: user rare_earth_services\n");
        Files.writeString(dir.resolve("leaky.log"), String.join("\n",
                "INFO started",
                "DEBUG connecting with password=" + PASSWORD,
                "DEBUG url jdbc:postgresql://localhost/db?password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                "DEBUG Authorization: Basic " + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))));
        Files.writeString(dir.resolve("not-a-log.txt"), PASSWORD);

        List<SecretScan.Finding> findings = new SecretScan(Map.of("database password", PASSWORD)).scanDirectory(dir);

        assertThat(findings).extracting(f -> f.file().getFileName().toString() + ":" + f.line() + " " + f.secret())
                .containsExactlyInAnyOrder("leaky.log:2 database password", "leaky.log:3 database password (URL-encoded)",
                        "leaky.log:4 database password (base64)");
        assertThat(findings).allSatisfy(f -> assertThat(f.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void aCleanLogHasNoFinding(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("service.log"), "INFO the password is configured (not shown)\n");
        assertThat(new SecretScan(Map.of("database password", PASSWORD)).scanDirectory(dir)).isEmpty();
    }

    @Test
    void refusesABlankSecret() {
        assertThatThrownBy(() -> new SecretScan(Map.of("empty", " "))).hasMessageContaining("secret empty is blank");
    }
}
