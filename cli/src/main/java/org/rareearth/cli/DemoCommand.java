package org.rareearth.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;
import org.rareearth.network.metrics.NetworkComparison;
import org.rareearth.network.metrics.NetworkIndicators;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.scenario.CountryGroups;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.forecast.BaseYearMarket;
import org.rareearth.simulation.forecast.ScenarioForecast;
import org.rareearth.simulation.forecast.ScenarioForecaster;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.model.CountryWelfare;

/**
 * {@code demo}: the main job on the demo data, as a readable summary. The observed networks of the
 * base year per product, then every scenario in {@code scenarios/} solved to its horizon per
 * product, against its baseline.
 */
final class DemoCommand {

    static final String USAGE = """
            demo [--data DIR] [--scenarios DIR] [--threshold X]
              A readable summary: the observed network of each product in the last data year, and each
              scenario of the scenarios directory (default: scenarios/) simulated to its horizon.""";

    static final Set<String> OPTIONS = Set.of("data", "scenarios", "threshold");
    static final String DEFAULT_SCENARIOS = "scenarios";
    static final String BROKER_FROM = "CHN";
    static final String BROKER_TO = "USA";
    static final int TOP_BROKERS = 3;
    static final List<String> WELFARE_COUNTRIES = List.of("CHN", "USA", "JPN");

    private DemoCommand() {
    }

    static void run(List<String> argv) {
        run(Arguments.parse("demo", argv, OPTIONS), System.out);
    }

    static void run(Arguments args, PrintStream out) {
        TradeData data = TradeData.open(MarketOptions.dataDirectory(args));
        double threshold = NetworkCommand.threshold(args);
        int year = data.dataset().years().last();
        List<String> products = List.copyOf(data.dataset().products().keySet());
        out.println("Rare-earth trade: equilibrium and network summary");
        out.println("DATA NOTICE: " + data.notice());
        out.printf(Locale.ROOT, "data: %s, years %d-%d, %d products, %d economies; %d rows rejected%n%n",
                data.directory(), data.dataset().years().first(), year, products.size(),
                data.dataset().countries().size(), data.problems().size());
        NetworkAnalyzer analyzer = new NetworkAnalyzer();
        observed(out, data, year, products, threshold, analyzer);
        List<Path> scenarioFiles = scenarioFiles(args);
        if (scenarioFiles.isEmpty()) {
            out.println("(no scenario files found; pass --scenarios DIR)");
            return;
        }
        for (Path file : scenarioFiles) {
            simulated(out, data, data.readScenario(file), file, products, threshold, analyzer);
        }
    }

    private static void observed(PrintStream out, TradeData data, int year, List<String> products, double threshold,
                                 NetworkAnalyzer analyzer) {
        out.printf(Locale.ROOT, "Observed networks, %d (threshold %s thousand USD)%n", year, threshold);
        out.printf(Locale.ROOT, "%-7s %5s %5s %8s %8s %5s %6s %8s %6s  %s%n", "product", "nodes", "edges", "density",
                "expHHI", "cr1", "comms", "modular.", "intra", "top brokers " + BROKER_FROM + "->" + BROKER_TO);
        for (String product : products) {
            BaseYearMarket market = data.market(year, List.of(product));
            TradeNetwork network = TradeNetwork.build(market.values(), threshold);
            NetworkIndicators n = analyzer.analyze(network).indicators();
            out.printf(Locale.ROOT, "%-7s %5d %5d %8.4f %8.4f %5.2f %6d %8.4f %6.3f  %s%n", product, n.nodes(), n.edges(),
                    n.density(), n.exportHHI(), n.cr1(), n.communities(), n.modularity(), n.intraCommunityShare(),
                    topBrokers(network));
        }
        out.println();
    }

    private static void simulated(PrintStream out, TradeData data, Scenario scenario, Path file, List<String> products,
                                  double threshold, NetworkAnalyzer analyzer) {
        int horizon = scenario.horizon() == null ? scenario.baseYear() : scenario.horizon();
        Scenario baseline = ScenarioForecaster.baselineOf(scenario);
        ScenarioForecaster forecaster = ScenarioForecaster.newton();
        List<String> chosen = scenario.products().isEmpty() ? products : scenario.products();
        out.printf(Locale.ROOT, "Scenario '%s' (%s), base %d, shown for %d; net welfare = scenario minus baseline, "
                + "thousand USD%n", scenario.name(), file.getFileName(), scenario.baseYear(), horizon);
        out.printf(Locale.ROOT, "%-7s %9s %9s %9s %9s %8s %6s %8s %8s %7s  %s%n", "product", "dW CHN", "dW USA", "dW JPN",
                "dW EU27", "expHHI", "comms", "modular.", "intra", "JS div", "top brokers " + BROKER_FROM + "->" + BROKER_TO);
        for (String product : chosen) {
            BaseYearMarket market = data.market(scenario.baseYear(), List.of(product));
            ScenarioForecast base = forecaster.forecast(market, baseline, horizon);
            ScenarioForecast scen = forecaster.forecast(market, scenario, horizon);
            TradeNetwork baseNet = TradeNetwork.build(base.flows(base.last()), threshold);
            TradeNetwork scenNet = TradeNetwork.build(scen.flows(scen.last()), threshold);
            NetworkAnalysis baseAnalysis = analyzer.analyze(baseNet);
            NetworkAnalysis scenAnalysis = analyzer.analyze(scenNet);
            NetworkComparison cmp = NetworkComparison.between(baseAnalysis, baseNet, scenAnalysis, scenNet);
            NetworkIndicators n = scenAnalysis.indicators();
            List<String> columns = new ArrayList<>();
            for (String country : WELFARE_COUNTRIES) {
                columns.add(welfare(netWelfareDifference(base, scen, List.of(country))));
            }
            columns.add(welfare(netWelfareDifference(base, scen, CountryGroups.EU27)));
            out.printf(Locale.ROOT, "%-7s %9s %9s %9s %9s %8.4f %6d %8.4f %8.3f %7.4f  %s%n", product, columns.get(0),
                    columns.get(1), columns.get(2), columns.get(3), n.exportHHI(), n.communities(), n.modularity(),
                    n.intraCommunityShare(), cmp.jensenShannon(), topBrokers(scenNet));
            scen.policy().warnings(horizon).forEach(w -> out.println("        warning: " + w));
        }
        out.println();
    }

    /** Net welfare of a set of countries under the scenario minus under the baseline, in the last year. */
    private static double netWelfareDifference(ScenarioForecast base, ScenarioForecast scen, List<String> countries) {
        return net(scen.last(), scen, countries) - net(base.last(), base, countries);
    }

    private static double net(YearOutcome year, ScenarioForecast run, List<String> countries) {
        CountryWelfare[] welfare = year.welfare();
        double sum = 0;
        for (String c : countries) {
            int i = run.market().countries().indexOf(c);
            if (i >= 0) {
                sum += welfare[i].net();
            }
        }
        return sum;
    }

    private static String welfare(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "unbounded";
    }

    private static String topBrokers(TradeNetwork network) {
        if (!network.nodes().contains(BROKER_FROM) || !network.nodes().contains(BROKER_TO)) {
            return "-";
        }
        Brokerage b = Brokerage.between(network, BROKER_FROM, BROKER_TO);
        String top = b.brokers().stream().limit(TOP_BROKERS)
                .filter(m -> m.share() > 0)
                .map(m -> String.format(Locale.ROOT, "%s %.0f%%", m.country(), 100 * m.share()))
                .collect(Collectors.joining(", "));
        return top.isEmpty() ? "none" : top;
    }

    private static List<Path> scenarioFiles(Arguments args) {
        Path dir = args.text("scenarios").map(Path::of).orElseGet(() -> MarketOptions.home().resolve(DEFAULT_SCENARIOS));
        if (!Files.isDirectory(dir)) {
            if (args.text("scenarios").isPresent()) {
                throw new UsageException("--scenarios " + dir + ": no such directory");
            }
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // The baseline first, so that the others read against it.
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().startsWith("baseline"))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UsageException("--scenarios " + dir + ": cannot list: " + e.getMessage());
        }
    }
}
