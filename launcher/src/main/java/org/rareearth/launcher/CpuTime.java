package org.rareearth.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by the processes of a running system (user + system, as the operating system
 * counts it), so a measurement can say where two cores went: each service process, this JVM (the
 * in-process Kafka broker and the driver) and PostgreSQL's processes.
 */
public final class CpuTime {

    static final String LAUNCHER = "launcher JVM (Kafka, driver)";
    static final String POSTGRES = "postgresql";

    private CpuTime() {
    }

    /** CPU time so far of every process of {@code system}, by name. */
    public static Map<String, Duration> of(RunningSystem system) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (ServiceProcess p : system.fleet().all()) {
            used.put(p.name(), p.isAlive() ? of(p.pid()) : Duration.ZERO);
        }
        used.put(LAUNCHER, of(ProcessHandle.current().pid()));
        List<Long> postgres = LatencyDriver.postgresProcesses(system);
        used.put(POSTGRES, postgres.stream().map(CpuTime::of).reduce(Duration.ZERO, Duration::plus));
        return used;
    }

    /** What each process used between two snapshots. */
    public static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        after.forEach((name, t) -> used.put(name, t.minus(before.getOrDefault(name, Duration.ZERO))));
        return used;
    }

    /** The 1-minute load average of the machine (other work on it included), NaN where unknown. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Duration of(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
