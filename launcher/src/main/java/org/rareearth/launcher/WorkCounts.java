package org.rareearth.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much work each replica of a worker has done, from the process's own {@code /q/metrics}
 * (Prometheus text): simulation-service counts the units it solved
 * ({@code simulation_computation_seconds_count}: one scenario version on one product, every year),
 * network-service the simulated networks it measured
 * ({@code network_metrics_computation_seconds_count{source="simulated"}}: one per simulation
 * result). Each replica counts only what it computed itself, so the counts of a batch show how the
 * consumer group spread it. simulation-service also counts the input messages it handled and
 * acknowledged, per topic (service-kit's {@code inbound_messages_total{outcome="handled",topic}}).
 */
public final class WorkCounts {

    /** A sample to sum: the metric's name and a label every counted series must carry (or empty). */
    private record Meter(String name, String label) {
    }

    private static final Map<ServiceSpec, Meter> METERS = Map.of(
            ServiceSpec.SIMULATION, new Meter("simulation_computation_seconds_count", ""),
            ServiceSpec.NETWORK, new Meter("network_metrics_computation_seconds_count", "source=\"simulated\""));

    private WorkCounts() {
    }

    /** What one process has computed since it started; the process must be a worker and running. */
    public static long handled(JsonHttp http, ServiceProcess process) {
        Meter meter = METERS.get(process.spec());
        if (meter == null) {
            throw new IllegalArgumentException(process.name() + " has no work count (only simulation-service and"
                    + " network-service)");
        }
        return sum(http, process, meter);
    }

    /** Messages of {@code topic} that a simulation-service process handled and acknowledged since it started. */
    public static long messagesHandled(JsonHttp http, ServiceProcess simulation, String topic) {
        if (simulation.spec() != ServiceSpec.SIMULATION) {
            throw new IllegalArgumentException(simulation.name() + " does not count its messages");
        }
        return sum(http, simulation, new Meter("inbound_messages_total", "outcome=\"handled\",topic=\"" + topic + "\""));
    }

    private static long sum(JsonHttp http, ServiceProcess process, Meter meter) {
        String text = http.get(process.baseUrl() + "/q/metrics").expect(200, "GET /q/metrics of " + process.name()).text();
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(meter.name())) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (name.equals(meter.name()) && series.contains(meter.label())) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    /** {@link #handled} of every listed process, by name, in their order. */
    public static Map<String, Long> of(JsonHttp http, List<ServiceProcess> processes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ServiceProcess p : processes) {
            counts.put(p.name(), handled(http, p));
        }
        return counts;
    }
}
