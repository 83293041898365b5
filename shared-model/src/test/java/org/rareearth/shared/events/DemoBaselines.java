package org.rareearth.shared.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline events built from the demo data set (data/rare-earth-demo) the way ingest-service reads
 * it: the BACI rows of one year and product, countries by country_codes.csv, tariffs by
 * tariffs.csv (rows added up, exporter "*" = every exporter). The services' tests use it through
 * shared-model's test jar: they do not depend on the ingest module, so this reads the few columns
 * they need itself.
 */
public final class DemoBaselines {

    public static final Path DEMO = Path.of("../data/rare-earth-demo");
    public static final List<Integer> YEARS = List.of(2017, 2018, 2019, 2020, 2021, 2022, 2023);
    public static final List<String> PRODUCTS = List.of("253090", "280530", "284610", "284690", "850511");

    private DemoBaselines() {
    }

    public static String notice() {
        return "Reconstructed demo data in BACI layout: NOT official CEPII BACI data (test copy)";
    }

    /** The baseline of {@code product} in {@code year} under the given data-set version. */
    public static TradeBaselineEvent event(String datasetVersion, int year, String product) {
        Map<String, String> iso3 = countries();
        List<TradeBaselineEvent.Flow> flows = new ArrayList<>();
        for (String line : lines("BACI_HS17_Y" + year + "_RE.csv")) {
            String[] f = line.split(",");
            if (f[3].equals(product)) {
                flows.add(new TradeBaselineEvent.Flow(iso3.get(f[1]), iso3.get(f[2]), Double.parseDouble(f[4]),
                        f.length > 5 && !f[5].isBlank() ? Double.parseDouble(f[5]) : null));
            }
        }
        // tariffs.csv: year,importer_iso3,exporter_iso3,hs6,rate,... (measure text may hold commas, not read)
        Map<String, Double> any = new HashMap<>();
        Map<String, Double> specific = new HashMap<>();
        for (String line : lines("tariffs.csv")) {
            String[] f = line.split(",");
            if (Integer.parseInt(f[0]) == year && f[3].equals(product)) {
                Map<String, Double> target = f[2].equals("*") ? any : specific;
                target.merge(f[1] + ">" + f[2], Double.parseDouble(f[4]), Double::sum);
            }
        }
        Map<String, TradeBaselineEvent.Tariff> tariffs = new LinkedHashMap<>();
        for (TradeBaselineEvent.Flow flow : flows) {
            if (flow.exporter().equals(flow.importer())) {
                continue;
            }
            double rate = any.getOrDefault(flow.importer() + ">*", 0.0)
                    + specific.getOrDefault(flow.importer() + ">" + flow.exporter(), 0.0);
            if (rate > 0) {
                tariffs.put(flow.exporter() + flow.importer(),
                        new TradeBaselineEvent.Tariff(flow.importer(), flow.exporter(), rate));
            }
        }
        return new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, datasetVersion, year, product, YEARS,
                PRODUCTS, notice(), flows, List.copyOf(tariffs.values()));
    }

    /** Numeric BACI code to ISO3 (names may be quoted and hold commas: the ISO3 is read from the end). */
    private static Map<String, String> countries() {
        Map<String, String> out = new HashMap<>();
        for (String line : lines("country_codes.csv")) {
            String[] f = line.split(",");
            out.put(f[0], f[f.length - 2]);
        }
        return out;
    }

    private static List<String> lines(String file) {
        try {
            List<String> all = Files.readAllLines(DEMO.resolve(file));
            return all.subList(1, all.size()).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
