package org.rareearth.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of an external program: its exit code and what it printed. */
public record Command(List<String> arguments, int exitCode, String stdout, String stderr) {

    /** Generous: kustomize renders an overlay in well under a second. */
    private static final long TIMEOUT_SECONDS = 120;

    public static Command run(Path workingDirectory, List<String> arguments) {
        try {
            Path out = Files.createTempFile("deploy-check", ".out");
            Path err = Files.createTempFile("deploy-check", ".err");
            try {
                Process process = new ProcessBuilder(arguments).directory(workingDirectory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", arguments) + " did not end within " + TIMEOUT_SECONDS + " s");
                }
                return new Command(arguments, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", arguments), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", arguments), e);
        }
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages: the command line, its exit code and both outputs. */
    public String describe() {
        return String.join(" ", arguments) + " exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
