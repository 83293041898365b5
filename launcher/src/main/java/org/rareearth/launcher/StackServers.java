package org.rareearth.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.rareearth.stack.LocalStack;
import org.rareearth.stack.ServiceConfig;
import org.rareearth.stack.TopicSetup;

/**
 * Kafka and PostgreSQL alone, for services that run elsewhere: {@code deploy/container-smoke}
 * starts the four service containers against them. Starts the local stack, creates the contract
 * topics ({@link TopicSetup}), writes what a service needs to reach both
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code QUARKUS_DATASOURCE_*}) to {@code --env-file} as
 * {@code KEY=VALUE} lines (the format of {@code podman run --env-file} and {@code docker run
 * --env-file}), and serves until SIGTERM or Ctrl-C, which stop the stack and delete the file.
 * <pre>
 * java -cp launcher/target/rare-earth-stack.jar org.rareearth.launcher.StackServers --env-file FILE [--partitions N]
 * </pre>
 * The file appears only once both servers and the topics are ready (it is written beside its final
 * name and moved), so a script may wait for it.
 */
public final class StackServers implements AutoCloseable {

    static final String USAGE = """
            usage: StackServers --env-file FILE [--partitions N]
              Starts Kafka and PostgreSQL (RARE_EARTH_STACK=in-process|containers|auto), creates the topics
              (N partitions, default 3), writes KAFKA_BOOTSTRAP_SERVERS and QUARKUS_DATASOURCE_* to FILE and
              runs until SIGTERM or Ctrl-C.""";

    /** Command-line options. */
    record Options(Path envFile, int partitions) {

        static Options parse(List<String> args) {
            Path envFile = null;
            int partitions = LauncherOptions.DEFAULT_PARTITIONS;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--env-file" -> envFile = Path.of(value(args, ++i, arg));
                    case "--partitions" -> partitions = positive(value(args, ++i, arg), arg);
                    case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            if (envFile == null) {
                throw new IllegalArgumentException("--env-file is required\n" + USAGE);
            }
            return new Options(envFile.toAbsolutePath(), partitions);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return args.get(i);
        }

        private static int positive(String text, String option) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(option + " needs a positive whole number, was '" + text + "'");
        }
    }

    private final LocalStack stack;
    private final Path envFile;

    private StackServers(LocalStack stack, Path envFile) {
        this.stack = stack;
        this.envFile = envFile;
    }

    /** Starts the stack and its topics, then writes the environment file. */
    static StackServers start(Options options) {
        LocalStack stack = LocalStack.start();
        try {
            TopicSetup.create(stack, options.partitions());
            Map<String, String> environment = ServiceConfig.asEnvironment(stack);
            writeAtomically(options.envFile(), environment);
            return new StackServers(stack, options.envFile());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    LocalStack stack() {
        return stack;
    }

    Path envFile() {
        return envFile;
    }

    private static void writeAtomically(Path file, Map<String, String> environment) {
        String lines = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
            Files.writeString(partial, lines);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the environment file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the environment file first (nothing may read a stale one), then stops the stack. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException e) {
            // the stack must stop all the same; a stale file names ports nobody listens on
        }
        stack.close();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        StackServers servers;
        try {
            servers = start(options);
        } catch (RuntimeException e) {
            System.err.println("StackServers: " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM and Ctrl-C run the shutdown hooks: the stack stops before the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "stack-servers-stop"));
        System.out.printf("Local stack: %s; Kafka %s; PostgreSQL %s (user %s); environment in %s%n",
                servers.stack.mode(), servers.stack.kafkaBootstrapServers(), servers.stack.jdbcUrl(),
                servers.stack.dbUser(), options.envFile());
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
