package org.rareearth.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many processes of each service the launcher starts ({@code --replicas
 * simulation-service=2,network-service=2}); one of each unless said otherwise. Only the two
 * workers scale out: their replicas share the partitions of their input topics through one
 * consumer group and one database schema (docs/architecture.md, "Scale-out"). ingest-service and
 * scenario-service take REST calls and run once here.
 *
 * <p>Ports: the first process of each service keeps its usual offset (base+0..base+3); further
 * replicas take the offsets after those, in the order of {@link ServiceSpec#ALL} and then by
 * replica: with the default base 8081 and two of each worker, simulation-service-2 is on 8085 and
 * network-service-2 on 8086.
 */
public record ReplicaCounts(Map<ServiceSpec, Integer> counts) {

    /** The services that may run as several replicas. */
    public static final List<ServiceSpec> SCALABLE = List.of(ServiceSpec.SIMULATION, ServiceSpec.NETWORK);
    /**
     * Each replica is a JVM with {@link ServiceProcess#HEAP} of heap on this one machine, and
     * replicas beyond a topic's partitions (3 by default) get nothing to do.
     */
    public static final int MAX_REPLICAS = 8;

    public static final ReplicaCounts ONE_EACH = new ReplicaCounts(Map.of());

    /** One process of a service: its replica number (1 = the first) and its port offset. */
    public record Slot(ServiceSpec service, int replica, int offset) {
    }

    public ReplicaCounts {
        counts = Map.copyOf(counts);
        counts.forEach((spec, n) -> {
            if (!SCALABLE.contains(spec)) {
                throw new IllegalArgumentException(spec.name() + " runs once; only " + names() + " have replicas");
            }
            if (n < 1 || n > MAX_REPLICAS) {
                throw new IllegalArgumentException(spec.name() + " replicas must be 1.." + MAX_REPLICAS + ", was " + n);
            }
        });
    }

    /**
     * {@code simulation-service=2,network-service=2}: service names and counts, comma separated.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static ReplicaCounts parse(String text) {
        Map<ServiceSpec, Integer> counts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--replicas: '" + item + "' is not SERVICE=N (e.g. "
                        + "simulation-service=2,network-service=2)");
            }
            String name = item.substring(0, eq).trim();
            ServiceSpec spec = ServiceSpec.ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--replicas: unknown service '" + name
                            + "'; services with replicas: " + names()));
            String number = item.substring(eq + 1).trim();
            try {
                counts.put(spec, Integer.parseInt(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replicas: " + name + " needs a whole number of replicas, was '"
                        + number + "'");
            }
        }
        try {
            return new ReplicaCounts(counts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--replicas: " + e.getMessage(), e);
        }
    }

    public int of(ServiceSpec spec) {
        return counts.getOrDefault(spec, 1);
    }

    /** Every process to start, first replicas first (in {@link ServiceSpec#ALL} order), then the others. */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            slots.add(new Slot(spec, 1, spec.offset()));
        }
        int next = ServiceSpec.ALL.size();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            for (int replica = 2; replica <= of(spec); replica++) {
                slots.add(new Slot(spec, replica, next++));
            }
        }
        return slots;
    }

    /** How many processes (and ports) that is. */
    public int processes() {
        return slots().size();
    }

    /** "simulation-service x2, network-service x2", or "one of each". */
    public String describe() {
        String several = ServiceSpec.ALL.stream().filter(s -> of(s) > 1).map(s -> s.name() + " x" + of(s))
                .collect(Collectors.joining(", "));
        return several.isEmpty() ? "one of each" : several;
    }

    private static String names() {
        return SCALABLE.stream().map(ServiceSpec::name).collect(Collectors.joining(", "));
    }
}
