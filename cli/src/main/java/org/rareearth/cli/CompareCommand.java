package org.rareearth.cli;

import static org.rareearth.cli.JsonOutput.number;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;
import org.rareearth.network.metrics.NetworkComparison;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.simulation.model.CountryWelfare;

/** {@code compare}: how far a scenario's simulated network diverges from the baseline's (MODEL.md 9). */
final class CompareCommand {

    static final String USAGE = """
            compare --scenario FILE --year Y --product HS6[,HS6...|all] [--baseline FILE] [--threshold X]
                    [--horizon Y2] [--solver nonlinear|linear] [--data DIR] [--out FILE]
              Indicator changes (scenario minus baseline), NMI and ARI of the community partitions,
              Jensen-Shannon divergence of edge weights and edge Jaccard overlap, plus the difference in
              net welfare. The baseline is the scenario without its policy events (demand and capacity
              shifts kept), or the --baseline scenario.""";

    static final Set<String> OPTIONS = NetworkCommand.with(MarketOptions.NAMES, "threshold", "baseline");

    private CompareCommand() {
    }

    static Object run(List<String> argv) {
        Arguments args = Arguments.parse("compare", argv, OPTIONS);
        MarketOptions options = MarketOptions.from(args);
        if (!options.scenarioGiven()) {
            throw new UsageException("compare: option --scenario is required");
        }
        double threshold = NetworkCommand.threshold(args);
        Scenario baseline = args.text("baseline")
                .map(f -> options.data().readScenario(Path.of(f)))
                .orElseGet(options::baseline);
        List<YearNetwork> base = YearNetwork.simulated(options, baseline, threshold);
        List<YearNetwork> scen = YearNetwork.simulated(options, options.scenario(), threshold);
        NetworkAnalyzer analyzer = new NetworkAnalyzer();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int k = 0; k < scen.size(); k++) {
            reports.add(report(analyzer, baseline, base.get(k), scen.get(k)));
        }
        Object report = args.text("horizon").isPresent() ? reports : reports.get(0);
        JsonOutput.write(report, options.out(), System.out);
        return report;
    }

    static Map<String, Object> report(NetworkAnalyzer analyzer, Scenario baseline, YearNetwork base, YearNetwork scen) {
        NetworkAnalysis b = analyzer.analyze(base.network());
        NetworkAnalysis s = analyzer.analyze(scen.network());
        NetworkComparison comparison = NetworkComparison.between(b, base.network(), s, scen.network());
        Map<String, Object> out = scen.context().header();
        out.put("baselineScenario", baseline.name());
        out.put("baseline", NetworkReport.indicators(b.indicators()));
        out.put("scenarioIndicators", NetworkReport.indicators(s.indicators()));
        Map<String, Object> changes = new LinkedHashMap<>();
        comparison.indicatorChanges().forEach((name, change) -> changes.put(name, change == null ? null : number(change)));
        out.put("indicatorChanges", changes);
        out.put("nmi", number(comparison.nmi()));
        out.put("ari", number(comparison.ari()));
        out.put("jensenShannon", number(comparison.jensenShannon()));
        out.put("edgeJaccard", number(comparison.edgeJaccard()));
        out.put("welfareUnit", "thousand USD, scenario minus baseline");
        out.put("netWelfareDifference", welfareDifference(base, scen));
        return out;
    }

    private static Map<String, Double> welfareDifference(YearNetwork base, YearNetwork scen) {
        CountryWelfare[] b = base.outcome().welfare();
        CountryWelfare[] s = scen.outcome().welfare();
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> countries = scen.run().market().countries();
        for (int i = 0; i < countries.size(); i++) {
            out.put(countries.get(i), number(s[i].net() - b[i].net()));
        }
        return out;
    }
}
