package org.rareearth.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.rareearth.shared.scenario.CountryGroups;

/**
 * The summary printed after the demo scenarios ran: per scenario, for its horizon year and each
 * product, the network structure (MODEL.md 8), who brokers China -> USA trade, and net welfare
 * against the baseline scenario. A forecast's welfare is measured against the calibrated base
 * year (MODEL.md 4), so the policy effect is this scenario's welfare minus the baseline
 * scenario's for the same year and product.
 */
public final class SummaryTable {

    static final List<String> WELFARE_COUNTRIES = List.of("CHN", "USA", "JPN");
    static final String EU27 = "EU27";
    private static final String ROW = "%-7s %10s %5s %7s %9s  %-34s %12s %12s %12s %12s%n";

    private final PrintStream out;

    public SummaryTable(PrintStream out) {
        this.out = out;
    }

    public void print(List<ScenarioRun> runs) {
        ScenarioRun baseline = runs.stream().filter(ScenarioRun::isBaseline).filter(ScenarioRun::ready).findFirst()
                .orElse(null);
        for (ScenarioRun run : runs) {
            out.println();
            out.printf("== %s  (%s, scenario %s)%n", run.name(), run.file().getFileName(), run.id());
            if (!run.ready()) {
                out.printf("   status %s%s%n", run.status(), run.reason() == null ? "" : ": " + run.reason());
                continue;
            }
            String year = String.valueOf(run.horizon());
            out.printf("   horizon %s; net welfare in thousand USD, %s%n", year, baseline == null
                    ? "against the calibrated base year (the baseline scenario did not finish)"
                    : run == baseline ? "against the calibrated base year (this is the reference)"
                    : "scenario minus baseline scenario");
            out.printf(ROW, "product", "modularity", "comm", "intra", "exportHHI", "top brokers CHN->USA (share)",
                    "CHN", "USA", "JPN", EU27);
            for (Iterator<String> products = run.forecast().path("products").fieldNames(); products.hasNext(); ) {
                String product = products.next();
                JsonNode cell = run.forecast().path("products").path(product).path(year);
                JsonNode reference = baseline == null || run == baseline ? null
                        : baseline.forecast().path("products").path(product).path(year);
                row(product, cell, reference);
            }
        }
    }

    private void row(String product, JsonNode cell, JsonNode reference) {
        JsonNode indicators = cell.path("network").path("indicators");
        List<String> welfare = new ArrayList<>();
        for (String country : WELFARE_COUNTRIES) {
            welfare.add(amount(difference(net(cell, List.of(country)), reference == null ? 0.0
                    : net(reference, List.of(country)))));
        }
        welfare.add(amount(difference(net(cell, CountryGroups.EU27),
                reference == null ? 0.0 : net(reference, CountryGroups.EU27))));
        out.printf(ROW, product, number(indicators.path("modularity"), "%.4f"),
                indicators.path("communities").isNumber() ? indicators.path("communities").asText() : "-",
                number(indicators.path("intraCommunityShare"), "%.3f"), number(indicators.path("exportHHI"), "%.4f"),
                brokers(cell.path("network").path("brokerage")), welfare.get(0), welfare.get(1), welfare.get(2),
                welfare.get(3));
    }

    /** The three largest brokers of CHN -> USA trade, by two-step flow. */
    static String brokers(JsonNode brokerage) {
        JsonNode list = brokerage.path("brokers");
        if (!list.isArray() || list.isEmpty()) {
            return brokerage.isMissingNode() || brokerage.isNull() ? "(no CHN->USA trade)" : "(none)";
        }
        return StreamSupport.stream(list.spliterator(), false)
                .sorted(Comparator.comparingDouble((JsonNode b) -> b.path("flow").asDouble()).reversed())
                .limit(3)
                .map(b -> b.path("country").asText() + " " + String.format(Locale.ROOT, "%.2f", b.path("share").asDouble()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Sum of net welfare over {@code countries} present in the cell; null when one of them is unbounded. */
    static Double net(JsonNode cell, List<String> countries) {
        JsonNode welfare = cell.path("welfare");
        double sum = 0;
        for (String country : countries) {
            JsonNode w = welfare.path(country);
            if (w.isMissingNode() || w.isNull()) {
                continue; // no trade of this product: no welfare change
            }
            JsonNode net = w.path("net");
            if (!net.isNumber()) {
                return null;
            }
            sum += net.asDouble();
        }
        return sum;
    }

    private static Double difference(Double value, Double reference) {
        return value == null || reference == null ? null : value - reference;
    }

    private static String amount(Double value) {
        if (value == null) {
            return "unbounded";
        }
        // a rounding residue of a difference prints as 0.0, not -0.0
        return String.format(Locale.ROOT, "%,.1f", Math.abs(value) < 0.05 ? 0.0 : value);
    }

    private static String number(JsonNode value, String format) {
        return value.isNumber() ? String.format(Locale.ROOT, format, value.asDouble()) : "-";
    }
}
