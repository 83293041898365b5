package org.rareearth.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.rareearth.simulation.forecast.ForecastException;
import org.rareearth.simulation.solver.EquilibriumException;

/**
 * {@code ./rare-earth}: the equilibrium and network engines on the command line, with no Kafka or
 * database. Exit codes: 0 done, 2 bad arguments or input (the message names the problem),
 * 3 the equilibrium could not be solved, or its solution has numbers that are not reported (not
 * finite, or of a size without meaning; the message names the year and the number).
 */
public final class RareEarthCommand {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int NOT_SOLVED = 3;

    static final String USAGE = String.join("\n\n",
            "usage: ./rare-earth <command> [options]      (docs/cli.md has every field of the output)",
            SimulateCommand.USAGE, NetworkCommand.USAGE, CompareCommand.USAGE, DemoCommand.USAGE,
            "--data DIR defaults to data/rare-earth-demo (reconstructed demo data, not official statistics).");

    private RareEarthCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            err.println(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "simulate" -> SimulateCommand.run(rest);
                case "network" -> NetworkCommand.run(rest);
                case "compare" -> CompareCommand.run(rest);
                case "demo" -> DemoCommand.run(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "' (simulate, network, compare, demo, help)");
            }
            return OK;
        } catch (UsageException e) {
            err.println("rare-earth: " + e.getMessage());
            return BAD_INPUT;
        } catch (EquilibriumException e) {
            err.println("rare-earth: no equilibrium: " + e.getMessage());
            return NOT_SOLVED;
        } catch (ForecastException e) {
            // names the year and why: no equilibrium, or a solution whose numbers are not reported
            err.println("rare-earth: " + e.getMessage());
            return NOT_SOLVED;
        } catch (IllegalArgumentException e) {
            err.println("rare-earth: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
