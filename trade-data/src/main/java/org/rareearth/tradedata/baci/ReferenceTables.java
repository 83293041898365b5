package org.rareearth.tradedata.baci;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.ProblemLog;
import org.rareearth.tradedata.ProductFilter;
import org.rareearth.tradedata.baci.BaciDataset.Country;
import org.rareearth.tradedata.baci.BaciDataset.Product;

/**
 * The reference tables of a BACI data set: the country table (numeric BACI code to ISO3), the
 * product table (the HS6 codes the flows may use, after the filter) and the optional tariff table.
 * Read before the year files, which look their codes up here. A faulty row is reported and not used.
 */
final class ReferenceTables {

    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    final SortedMap<String, Country> countries = new TreeMap<>();
    final SortedMap<String, Product> products = new TreeMap<>();
    final CountryIndex countryIndex = new CountryIndex();
    /** Codes of the country table without an ISO3 code: flows with them are rejected with that reason. */
    final Set<Integer> codesWithoutIso3 = new HashSet<>();
    /** The kept products by their numeric value ({@code 10121} for {@code 010121}). */
    final Map<Integer, String> productByNumber = new HashMap<>();
    final String countryFile;
    final String productFile;
    private final ProblemLog problems;
    private final ProductFilter filter;

    ReferenceTables(BaciFiles files, ProblemLog problems, ProductFilter filter) {
        this.countryFile = files.countryFile();
        this.productFile = files.productFile();
        this.problems = problems;
        this.filter = filter;
    }

    /** {@code unknown country "XYZ" (not in country_codes.csv)}. */
    String unknownCountry(String iso3, String orElse) {
        return "unknown country \"" + iso3 + "\" (not in " + countryFile + orElse + ")";
    }

    /** {@code unknown product 999999 (not in product_codes.csv)}. */
    String unknownProduct(String hs6) {
        return "unknown product " + hs6 + " (not in " + productFile + ")";
    }

    void readCountries(CodeTable t) throws IOException {
        t.requireColumns(List.of(List.of("country_code"),
                List.of("country_name", "country_name_full", "country_name_abbreviation"),
                List.of("country_iso3", "iso_3digit_alpha")));
        int cCode = t.column("country_code");
        int cName = t.column("country_name", "country_name_full", "country_name_abbreviation");
        int cIso3 = t.column("country_iso3", "iso_3digit_alpha");
        int cIso2 = t.column("country_iso2", "iso_2digit_alpha");
        int cRegion = t.column("region");
        Map<String, Long> isoLine = new HashMap<>();
        Map<Integer, Long> codeLine = new HashMap<>();
        for (CodeTable.Row row : t.rows) {
            if (!t.wellFormed(row, problems)) {
                continue;
            }
            FieldCheck check = new FieldCheck(problems, t.name, row.line());
            Integer code = check.integer(row.get(cCode), "country_code");
            String iso3 = row.get(cIso3);
            String name = row.get(cName);
            if (iso3.isEmpty()) {
                check.fail("country_iso3", "no ISO3 code; flows with country code " + row.get(cCode) + " are rejected");
                if (code != null) {
                    codesWithoutIso3.add(code);
                }
                continue;
            } else if (!ISO3.matcher(iso3).matches()) {
                check.fail("country_iso3", "malformed ISO3 code \"" + iso3 + "\" (three capital letters)");
            } else if (isoLine.containsKey(iso3)) {
                check.fail("country_iso3", "ISO3 code " + iso3 + " already used on line " + isoLine.get(iso3));
            }
            if (code != null && codeLine.containsKey(code)) {
                check.fail("country_code", "country code " + code + " already defined on line " + codeLine.get(code));
            }
            if (check.failed) {
                continue;
            }
            isoLine.put(iso3, row.line());
            codeLine.put(code, row.line());
            countryIndex.put(code, iso3);
            countries.put(iso3, new Country(code, name, row.get(cIso2), iso3, row.get(cRegion)));
        }
    }

    void readProducts(CodeTable t) throws IOException {
        t.requireColumns(List.of(List.of("code"), List.of("description")));
        int cCode = t.column("code");
        int cDesc = t.column("description");
        int cStage = t.column("stage");
        Map<String, Long> seen = new HashMap<>();
        for (CodeTable.Row row : t.rows) {
            if (!t.wellFormed(row, problems)) {
                continue;
            }
            FieldCheck check = new FieldCheck(problems, t.name, row.line());
            String hs6 = check.hs6(row.get(cCode), "code");
            if (hs6 != null && seen.containsKey(hs6)) {
                check.fail("code", "product " + hs6 + " already defined on line " + seen.get(hs6));
            }
            if (check.failed) {
                continue;
            }
            seen.put(hs6, row.line());
            if (filter.keeps(hs6)) {
                products.put(hs6, new Product(hs6, row.get(cDesc), row.get(cStage)));
                productByNumber.put(Integer.parseInt(hs6), hs6);
            }
        }
    }

    List<BaselineTariffs.Row> readTariffs(CodeTable t) throws IOException {
        t.requireColumns(List.of(List.of("year"), List.of("importer_iso3"), List.of("exporter_iso3"),
                List.of("hs6"), List.of("rate")));
        int cYear = t.column("year");
        int cImp = t.column("importer_iso3");
        int cExp = t.column("exporter_iso3");
        int cHs6 = t.column("hs6");
        int cRate = t.column("rate");
        int cMeasure = t.column("measure");
        int cSource = t.column("source");
        List<BaselineTariffs.Row> out = new ArrayList<>();
        for (CodeTable.Row row : t.rows) {
            if (!t.wellFormed(row, problems)) {
                continue;
            }
            String rawHs6 = row.get(cHs6);
            if (!filter.keepsAll() && FieldCheck.HS6.matcher(rawHs6).matches()
                    && !filter.keeps("0".repeat(6 - rawHs6.length()) + rawHs6)) {
                continue; // a wedge on a product this ingest does not keep
            }
            FieldCheck check = new FieldCheck(problems, t.name, row.line());
            Integer year = check.integer(row.get(cYear), "year");
            String importer = row.get(cImp);
            if (!countries.containsKey(importer)) {
                check.fail("importer_iso3", unknownCountry(importer, ""));
            }
            String exporter = row.get(cExp);
            if (!BaselineTariffs.ANY_EXPORTER.equals(exporter) && !countries.containsKey(exporter)) {
                check.fail("exporter_iso3", unknownCountry(exporter, ", nor \"*\""));
            }
            String hs6 = check.hs6(rawHs6, "hs6");
            if (hs6 != null && !products.containsKey(hs6)) {
                check.fail("hs6", unknownProduct(hs6));
            }
            double rate = check.amount(row.get(cRate), "rate", false);
            if (check.failed) {
                continue;
            }
            out.add(new BaselineTariffs.Row(year, importer, exporter, hs6, rate, row.get(cMeasure), row.get(cSource)));
        }
        return out;
    }
}
