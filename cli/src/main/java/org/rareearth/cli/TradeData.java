package org.rareearth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.baci.BaciDataset;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.trade.TradeFlow;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.forecast.BaseYearMarket;
import org.rareearth.shared.scenario.ScenarioContext;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioReader;
import org.rareearth.shared.values.Hs6;

/**
 * A data directory in BACI layout, read once, with the provenance notice that every output made
 * from it repeats.
 */
final class TradeData {

    private final Path directory;
    private final BaciDataset dataset;
    private final String notice;

    private TradeData(Path directory, BaciDataset dataset, String notice) {
        this.directory = directory;
        this.dataset = dataset;
        this.notice = notice;
    }

    static TradeData open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--data " + directory + ": no such directory");
        }
        try {
            BaciDataset dataset = BaciDataset.read(directory);
            // the notice the services' events carry, and the same words when there is none
            return new TradeData(directory, dataset, DataNotice.orNotRecorded(dataset.notice()));
        } catch (IOException e) {
            throw new UsageException("--data " + directory + ": cannot read: " + e.getMessage());
        }
    }

    Path directory() {
        return directory;
    }

    BaciDataset dataset() {
        return dataset;
    }

    String notice() {
        return notice;
    }

    /** The rows the reader rejected, one line each, for the error stream. */
    List<String> problems() {
        List<String> lines = new ArrayList<>();
        dataset.problems().forEach(p -> lines.add(p.toString()));
        return lines;
    }

    int requireYear(int year) {
        if (!dataset.years().contains(year)) {
            throw new UsageException("--year " + year + ": no data for that year in " + directory
                    + " (years with data: " + dataset.years() + ")");
        }
        return year;
    }

    /**
     * Resolves {@code --product}: one HS6 code, a comma list, or {@code all}.
     */
    List<String> products(String spec) {
        TreeSet<String> known = new TreeSet<>(dataset.products().keySet());
        if (spec.trim().equalsIgnoreCase("all")) {
            return List.copyOf(known);
        }
        List<String> chosen = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String code = raw.trim();
            if (!Hs6.isWellFormed(code)) {
                throw new UsageException("--product: malformed HS6 code '" + code + "' (six digits, e.g. 850511, or all)");
            }
            if (!known.contains(code)) {
                throw new UsageException("--product: unknown HS6 code '" + code + "' (known: " + String.join(", ", known) + ", or all)");
            }
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--product: no product given");
        }
        return chosen;
    }

    /**
     * The observed starting point of one market: the flows of {@code year} summed over
     * {@code products}, with the tariffs in force on them and each product's weight (its total
     * benchmark value) in the aggregate.
     */
    BaseYearMarket market(int year, List<String> products) {
        List<TradeFlow> flows = dataset.flows(year, products);
        if (flows.isEmpty()) {
            throw new UsageException("no flows of product " + String.join(",", products) + " in " + year
                    + " (years with data: " + dataset.years() + ")");
        }
        TradeMatrix total = TradeMatrix.sumOf(flows);
        int n = total.size();
        Map<String, Double> weights = new LinkedHashMap<>();
        products.forEach(p -> weights.put(p, 0.0));
        // A pair's benchmark tariff on an aggregate is the trade-weighted mean of its product tariffs,
        // so the aggregate collects the same tariff revenue as its products do.
        double[][] weightedRate = new double[n][n];
        for (TradeFlow f : flows) {
            int i = total.indexOf(f.exporter());
            int j = total.indexOf(f.importer());
            weights.merge(f.product(), f.value(), Double::sum);
            if (i != j) {
                weightedRate[i][j] += f.value() * dataset.tariffs().rate(year, f.importer(), f.exporter(), f.product());
            }
        }
        return BaseYearMarket.of(year, products, total, (i, j) -> weightedRate[i][j] / total.value(i, j), weights);
    }

    Scenario readScenario(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("--scenario " + file + ": cannot read: " + e.getMessage());
        }
        ScenarioContext context = new ScenarioContext(dataset.countries(), dataset.years().first(),
                dataset.years().last(), dataset.products().keySet());
        try {
            return ScenarioReader.read(json, context);
        } catch (ScenarioException e) {
            throw new UsageException("--scenario " + file + " is invalid: " + e.getMessage());
        }
    }
}
