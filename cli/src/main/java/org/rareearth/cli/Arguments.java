package org.rareearth.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} options of one subcommand; unknown or repeated options are usage errors. */
final class Arguments {

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Arguments(String command) {
        this.command = command;
    }

    static Arguments parse(String command, List<String> args, Set<String> allowed) {
        Arguments parsed = new Arguments(command);
        for (int k = 0; k < args.size(); k++) {
            String token = args.get(k);
            if (!token.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + token + "' (options are --name value)");
            }
            String name = token.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + " (known: --"
                        + String.join(", --", new TreeSet<>(allowed)) + ")");
            }
            String value = inline;
            if (value == null) {
                if (k + 1 >= args.size() || args.get(k + 1).startsWith("--")) {
                    throw new UsageException(command + ": option --" + name + " needs a value");
                }
                value = args.get(++k);
            }
            if (parsed.values.put(name, value) != null) {
                throw new UsageException(command + ": option --" + name + " given twice");
            }
        }
        return parsed;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return text(name).orElseThrow(() -> new UsageException(command + ": option --" + name + " is required"));
    }

    Optional<Integer> integer(String name) {
        return text(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(command + ": --" + name + " must be a whole number, was '" + v + "'");
            }
        });
    }

    Optional<Double> number(String name) {
        return text(name).map(v -> {
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(command + ": --" + name + " must be a number, was '" + v + "'");
            }
            if (!Double.isFinite(d)) {
                throw new UsageException(command + ": --" + name + " must be finite, was '" + v + "'");
            }
            return d;
        });
    }
}
