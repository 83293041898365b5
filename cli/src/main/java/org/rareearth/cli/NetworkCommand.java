package org.rareearth.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;

/** {@code network}: indicators of the observed network, or of the simulated one under a scenario. */
final class NetworkCommand {

    static final String USAGE = """
            network --year Y --product HS6[,HS6...|all] [--scenario FILE] [--threshold X] [--broker A,B]
                    [--horizon Y2] [--solver nonlinear|linear] [--data DIR] [--out FILE]
              Whole-network and per-country indicators (MODEL.md 8) of the flows of year Y; with --scenario,
              of the flows simulated under it; --broker A,B adds who mediates A->B trade; with --horizon,
              one object per year (observed data years, or the scenario's forecast path).""";

    static final Set<String> OPTIONS = with(MarketOptions.NAMES, "threshold", "broker");

    private NetworkCommand() {
    }

    static Object run(List<String> argv) {
        Arguments args = Arguments.parse("network", argv, OPTIONS);
        MarketOptions options = MarketOptions.from(args);
        double threshold = threshold(args);
        List<String> pair = args.text("broker").map(NetworkCommand::brokerPair).orElse(null);
        List<YearNetwork> networks = options.scenarioGiven()
                ? YearNetwork.simulated(options, options.scenario(), threshold)
                : YearNetwork.observed(options, threshold);
        NetworkAnalyzer analyzer = new NetworkAnalyzer();
        List<Map<String, Object>> reports = networks.stream().map(n -> {
            NetworkAnalysis analysis = analyzer.analyze(n.network());
            Brokerage brokerage = pair == null ? null : brokerage(n, pair);
            return NetworkReport.of(n.context(), analysis, brokerage);
        }).toList();
        Object report = args.text("horizon").isPresent() ? reports : reports.get(0);
        JsonOutput.write(report, options.out(), System.out);
        return report;
    }

    static double threshold(Arguments args) {
        double threshold = args.number("threshold").orElse(0.0);
        if (threshold < 0) {
            throw new UsageException("--threshold must be >= 0 (thousand USD), was " + threshold);
        }
        return threshold;
    }

    private static List<String> brokerPair(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new UsageException("--broker takes two ISO3 codes, exporter first, as A,B (e.g. CHN,USA); was '" + text + "'");
        }
        return List.of(parts[0].trim(), parts[1].trim());
    }

    private static Brokerage brokerage(YearNetwork n, List<String> pair) {
        for (String iso3 : pair) {
            if (!n.network().nodes().contains(iso3)) {
                throw new UsageException("--broker " + String.join(",", pair) + ": " + iso3 + " has no trade of "
                        + n.context().market().label() + " in " + n.context().year());
            }
        }
        return Brokerage.between(n.network(), pair.get(0), pair.get(1));
    }

    static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
