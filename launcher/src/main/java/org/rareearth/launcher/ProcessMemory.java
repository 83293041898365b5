package org.rareearth.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory of a process as Linux reports it in {@code /proc/PID/status}. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** {@code VmRSS} in KiB; empty when the process is gone or the system has no /proc. */
    public static OptionalLong rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return OptionalLong.empty();
    }
}
