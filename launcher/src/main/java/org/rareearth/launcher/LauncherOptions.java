package org.rareearth.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Command-line options of {@link StackLauncher}. */
record LauncherOptions(Path home, Path data, Path scenarios, int basePort, int partitions, boolean exit,
                       Duration scenarioDeadline, RestartLimits restartLimits, ReplicaCounts replicas) {

    static final String USAGE = """
            usage: rare-earth-stack [--exit] [--data DIR] [--scenarios DIR] [--base-port N] [--partitions N]
                                    [--deadline-minutes M] [--max-restarts N] [--restart-window-minutes M]
                                    [--restart-backoff-seconds S] [--replicas simulation-service=R,network-service=R]
              Starts Kafka and PostgreSQL (RARE_EARTH_STACK=in-process|containers|auto), the four services on
              ports N..N+3 (default 8081: ingest, scenario, simulation, network; further replicas of
              simulation-service and network-service on N+4, N+5, ... in that order), uploads the data directory
              (default data/rare-earth-demo), runs every scenario of the scenarios directory (default scenarios/),
              prints a summary and serves until interrupted; --exit stops after the summary.
              A service that dies is restarted on its port after S seconds (default 1, doubling per restart),
              at most N times (default 3, 0 = never) within M minutes (default 10); beyond that the launcher
              stops everything and exits with code 3.
              --replicas starts R processes (1..8) of simulation-service and/or network-service; the replicas of
              a service share the partitions of its input topics (--partitions, default 3) and its database schema.""";

    /** Partitions of the contract topics: a few, so a second simulation-service would get work. */
    static final int DEFAULT_PARTITIONS = 3;
    static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(15);

    static LauncherOptions parse(List<String> args) {
        Path home = projectHome();
        Path data = home.resolve("data/rare-earth-demo");
        Path scenarios = home.resolve("scenarios");
        int basePort = ServiceSpec.DEFAULT_BASE_PORT;
        int partitions = DEFAULT_PARTITIONS;
        boolean exit = false;
        Duration deadline = DEFAULT_DEADLINE;
        int maxRestarts = RestartLimits.DEFAULT_MAX_RESTARTS;
        Duration restartWindow = RestartLimits.DEFAULT_WINDOW;
        Duration restartBackoff = RestartLimits.DEFAULT_FIRST_BACKOFF;
        ReplicaCounts replicas = ReplicaCounts.ONE_EACH;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--exit" -> exit = true;
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--scenarios" -> scenarios = Path.of(value(args, ++i, arg));
                case "--base-port" -> basePort = integer(args, ++i, arg);
                case "--partitions" -> partitions = integer(args, ++i, arg);
                case "--deadline-minutes" -> deadline = Duration.ofMinutes(integer(args, ++i, arg));
                case "--max-restarts" -> maxRestarts = count(args, ++i, arg);
                case "--restart-window-minutes" -> restartWindow = Duration.ofMinutes(integer(args, ++i, arg));
                case "--restart-backoff-seconds" -> restartBackoff = Duration.ofSeconds(count(args, ++i, arg));
                case "--replicas" -> replicas = ReplicaCounts.parse(value(args, ++i, arg));
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LauncherOptions(home, data, scenarios, basePort, partitions, exit, deadline,
                new RestartLimits(maxRestarts, restartWindow, restartBackoff), replicas);
    }

    /** The project directory: RARE_EARTH_HOME (set by ./rare-earth-stack), else the working directory. */
    static Path projectHome() {
        String home = System.getenv("RARE_EARTH_HOME");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int integer(List<String> args, int i, String option) {
        return whole(args, i, option, 1, "a positive whole number");
    }

    /** A whole number that may be 0 (no restarts, no backoff). */
    private static int count(List<String> args, int i, String option) {
        return whole(args, i, option, 0, "a whole number >= 0");
    }

    private static int whole(List<String> args, int i, String option, int least, String what) {
        String text = value(args, i, option);
        try {
            int n = Integer.parseInt(text);
            if (n < least) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs " + what + ", was '" + text + "'");
        }
    }
}
