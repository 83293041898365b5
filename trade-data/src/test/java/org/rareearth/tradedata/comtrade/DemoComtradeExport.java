package org.rareearth.tradedata.comtrade;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.rareearth.tradedata.source.Csv;
import org.rareearth.shared.trade.TradeFlow;

/**
 * Writes the fixture {@code src/test/resources/comtrade/demo/comtrade_demo_2023.csv}: a
 * reconstruction in UN Comtrade "full" CSV layout derived from {@code data/rare-earth-demo}
 * (itself a reconstruction), NOT UN Comtrade data. Deterministic (fixed seed), so the test can
 * regenerate it and compare.
 *
 * <p>Rules: every demo flow of {@link #YEARS} is reported by its importer as an import (flowCode
 * M, primaryValue = demo value x 1000 USD, netWgt = demo tons x 1000 kg) unless the importer is in
 * {@link #NOT_REPORTING}, and by its exporter as a mirror export (flowCode X) with a value 1% to 6%
 * lower and a weight within +-2% unless the exporter does not report. Taiwan never reports and is
 * written as partner {@code S19 "Other Asia, nes"}, as Comtrade does. Each reporter also has one
 * World row ({@code W00}) per year, flow and product holding the sum of its partner rows.
 *
 * <p>Run {@code main} from the module directory to rewrite the fixture.
 */
final class DemoComtradeExport {

    static final List<Integer> YEARS = List.of(2023);
    /** Economies that report nothing (their partners' reports are all there is). */
    static final Set<String> NOT_REPORTING = Set.of("MMR", "LAO", "BDI", "MDG", "NGA", "TZA", "KAZ", "SAU", "TWN");
    static final String FILE = "comtrade_demo_2023.csv";
    static final Path DEMO = Path.of("../data/rare-earth-demo");
    static final Path FIXTURE_DIR = Path.of("src/test/resources/comtrade/demo");
    static final long SEED = 20240604L;

    static final String HEADER = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
            + "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,"
            + "classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,"
            + "customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,"
            + "altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
            + "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate";

    /** HS 2022 descriptions as Comtrade writes them (shortened where the HS text is long). */
    static final Map<String, String> PRODUCTS = Map.of(
            "253090", "Mineral substances; n.e.c. in chapter 25",
            "280530", "Rare-earth metals, scandium and yttrium; whether or not intermixed or interalloyed",
            "284610", "Cerium compounds",
            "284690", "Compounds, inorganic or organic, of rare-earth metals, of yttrium or of scandium; other than cerium",
            "850511", "Permanent magnets and articles intended to become permanent magnets after magnetisation; of metal");

    /** One economy: Comtrade numeric code, ISO3 as Comtrade writes it, description. */
    record Economy(int code, String iso3, String name) {
    }

    /** One reporter's record before it is written. */
    private record Record(int year, Economy reporter, String flow, Economy partner, String product, long usd, Long kg) {
    }

    /**
     * What was generated.
     *
     * @param flows        the flows a correct reconciliation must give, in year, product, exporter, importer order
     * @param importRows   flowCode M rows with a country partner
     * @param exportRows   flowCode X rows with a country partner
     * @param worldRows    partner W00 rows
     * @param taiwanRows   partner S19 rows
     */
    record Generated(String csv, List<TradeFlow> flows, long fromImporter, long fromExporter, long mirrored,
                     long notReported, long importRows, long exportRows, long worldRows, long taiwanRows) {
    }

    private DemoComtradeExport() {
    }

    public static void main(String[] args) throws IOException {
        Generated g = generate(DEMO);
        Files.createDirectories(FIXTURE_DIR);
        Files.writeString(FIXTURE_DIR.resolve(FILE), g.csv(), StandardCharsets.UTF_8);
        System.out.println(FILE + ": " + g.csv().length() + " chars, " + g.flows().size() + " flows");
    }

    static Generated generate(Path demo) throws IOException {
        Map<Integer, Economy> economies = new HashMap<>();
        List<String> countryLines = Files.readAllLines(demo.resolve("country_codes.csv"));
        for (String line : countryLines.subList(1, countryLines.size())) {
            List<String> f = Csv.split(line);
            int code = Integer.parseInt(f.get(0));
            economies.put(code, f.get(3).equals("TWN") ? new Economy(490, "S19", "Other Asia, nes")
                    : new Economy(code, f.get(3), f.get(1)));
        }
        Random random = new Random(SEED);
        List<Record> records = new ArrayList<>();
        List<TradeFlow> expected = new ArrayList<>();
        long fromImporter = 0;
        long fromExporter = 0;
        long mirrored = 0;
        long notReported = 0;
        for (int year : YEARS) {
            List<String> lines = Files.readAllLines(demo.resolve("BACI_HS17_Y" + year + "_RE.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Economy exporter = economies.get(Integer.parseInt(f[1]));
                Economy importer = economies.get(Integer.parseInt(f[2]));
                String product = String.format("%06d", Integer.parseInt(f[3]));
                long usd = new BigDecimal(f[4]).movePointRight(3).longValueExact();
                Long kg = f[5].isEmpty() ? null : new BigDecimal(f[5]).movePointRight(3).longValueExact();
                // drawn for every flow, so that the discrepancies do not depend on who reports
                double discount = 0.01 + 0.05 * random.nextDouble();
                double weightError = -0.02 + 0.04 * random.nextDouble();
                long exportUsd = Math.round(usd * (1 - discount));
                Long exportKg = kg == null ? null : Math.round(kg * (1 + weightError));
                boolean importerReports = reports(importer);
                boolean exporterReports = reports(exporter);
                if (importerReports) {
                    records.add(new Record(year, importer, "M", exporter, product, usd, kg));
                }
                if (exporterReports) {
                    records.add(new Record(year, exporter, "X", importer, product, exportUsd, exportKg));
                }
                boolean taiwan = exporter.iso3().equals("S19") || importer.iso3().equals("S19");
                if (taiwan || !(importerReports || exporterReports)) {
                    notReported++;
                    continue;
                }
                if (importerReports) {
                    fromImporter++;
                    mirrored += exporterReports ? 1 : 0;
                    double tons = kg != null ? kg / 1000.0 : exportKg != null && exporterReports ? exportKg / 1000.0
                            : Double.NaN;
                    expected.add(new TradeFlow(year, exporter.iso3(), importer.iso3(), product, usd / 1000.0, tons));
                } else {
                    fromExporter++;
                    expected.add(new TradeFlow(year, exporter.iso3(), importer.iso3(), product, exportUsd / 1000.0,
                            exportKg == null ? Double.NaN : exportKg / 1000.0));
                }
            }
        }
        expected.sort(Comparator.comparingInt(TradeFlow::year).thenComparing(TradeFlow::product)
                .thenComparing(TradeFlow::exporter).thenComparing(TradeFlow::importer));

        // World rows: per reporter, year, flow and product the sum over its partners
        Economy world = new Economy(0, "W00", "World");
        TreeMap<String, Record> worldRows = new TreeMap<>();
        for (Record r : records) {
            String key = r.year() + "|" + r.reporter().iso3() + "|" + r.flow() + "|" + r.product();
            worldRows.merge(key, new Record(r.year(), r.reporter(), r.flow(), world, r.product(), r.usd(), r.kg()),
                    (a, b) -> new Record(a.year(), a.reporter(), a.flow(), world, a.product(), a.usd() + b.usd(),
                            a.kg() == null || b.kg() == null ? null : a.kg() + b.kg()));
        }
        long importRows = records.stream().filter(r -> r.flow().equals("M") && !r.partner().iso3().equals("S19")).count();
        long exportRows = records.stream().filter(r -> r.flow().equals("X") && !r.partner().iso3().equals("S19")).count();
        long taiwanRows = records.stream().filter(r -> r.partner().iso3().equals("S19")).count();
        records.addAll(worldRows.values());
        // the order of an API answer: year, reporter, flow, partner, product
        records.sort(Comparator.comparingInt(Record::year).thenComparingInt(r -> r.reporter().code())
                .thenComparing(Record::flow).thenComparingInt(r -> r.partner().code()).thenComparing(Record::product));

        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Record r : records) {
            csv.append(row(r)).append('\n');
        }
        return new Generated(csv.toString(), expected, fromImporter, fromExporter, mirrored, notReported, importRows,
                exportRows, worldRows.size(), taiwanRows);
    }

    private static boolean reports(Economy e) {
        return !NOT_REPORTING.contains(e.iso3()) && !e.iso3().equals("S19");
    }

    private static String row(Record r) {
        boolean imports = r.flow().equals("M");
        String kg = r.kg() == null ? "" : Long.toString(r.kg());
        String usd = Long.toString(r.usd());
        return String.join(",", "C", "A", r.year() + "0101", Integer.toString(r.year()), "52",
                Integer.toString(r.year()), Integer.toString(r.reporter().code()), r.reporter().iso3(),
                quote(r.reporter().name()), r.flow(), imports ? "Import" : "Export",
                Integer.toString(r.partner().code()), r.partner().iso3(), quote(r.partner().name()), "0", "W00",
                "World", "H6", "HS", "False", r.product(), quote(PRODUCTS.get(r.product())), "6", "True", "C00",
                "TOTAL CPC", "0", "0", "TOTAL MOT", "8", "kg", kg, "False", "-1", "N/A", "", "False", kg, "False",
                "", "False", imports ? usd : "", imports ? "" : usd, usd, "0", "True", "False");
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
