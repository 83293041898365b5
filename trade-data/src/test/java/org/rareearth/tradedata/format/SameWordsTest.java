package org.rareearth.tradedata.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.RowProblems;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.source.DirectorySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BACI and UN Comtrade report the same fault of a row with the same words ({@link RowProblems}):
 * the same faults are written into a BACI year file and a Comtrade export, and the messages match.
 */
class SameWordsTest {

    /** Fault to the BACI row and the Comtrade row that have it (same value, same countries). */
    static final Map<String, List<String>> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("negative", List.of("2022,156,842,850511,-5,1", "2022,USA,CHN,M,850511,-5"));
        FAULTS.put("malformed", List.of("2022,156,842,850511,12O,1", "2022,USA,CHN,M,850511,12O"));
        FAULTS.put("missing", List.of("2022,156,842,850511,,1", "2022,USA,CHN,M,850511,"));
        FAULTS.put("out of range", List.of("2022,156,842,850511,1e999,1", "2022,USA,CHN,M,850511,1e999"));
        FAULTS.put("unclosed quote", List.of("\"2022,156,842,850511,1,1", "\"2022,USA,CHN,M,850511,1"));
        FAULTS.put("same country", List.of("2022,842,842,850511,1,1", "2022,USA,USA,M,850511,1"));
    }

    @TempDir
    Path dir;

    private List<String> messages(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        try (DirectorySource source = new DirectorySource(folder, "test")) {
            TradeData data = Formats.read(source, ReadOptions.everything());
            return data.problems().stream().map(DataProblem::message).toList();
        }
    }

    @Test
    void bothReadersWordTheSameFaultAlike() throws IOException {
        StringBuilder baci = new StringBuilder("t,i,j,k,v,q\n");
        StringBuilder comtrade = new StringBuilder("refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n");
        FAULTS.values().forEach(rows -> {
            baci.append(rows.get(0)).append('\n');
            comtrade.append(rows.get(1)).append('\n');
        });
        List<String> fromBaci = messages(dir.resolve("baci"), Map.of(
                "country_codes.csv", FormatsTest.COUNTRIES, "product_codes.csv", FormatsTest.PRODUCTS,
                "BACI_HS17_Y2022_V1.csv", baci.toString()));
        List<String> fromComtrade = messages(dir.resolve("comtrade"), Map.of("export.csv", comtrade.toString()));

        assertThat(fromComtrade).isEqualTo(fromBaci).containsExactly(
                RowProblems.negative("-5"),
                RowProblems.badNumber("12O"),
                RowProblems.badNumber(""),
                RowProblems.outOfRange("1e999"),
                RowProblems.UNCLOSED_QUOTE,
                RowProblems.sameCountry("USA"));
        assertThat(fromBaci).containsExactly("negative value -5", "malformed number \"12O\"", "missing number",
                "number out of range \"1e999\"", "a quoted field is not closed",
                "exporter and importer are the same country (USA); trade files hold foreign flows only");
    }

    @Test
    void aWrongColumnCountIsWordedAlikeWithEachFormatsHeader() throws IOException {
        List<String> fromBaci = messages(dir.resolve("baci"), Map.of(
                "country_codes.csv", FormatsTest.COUNTRIES, "product_codes.csv", FormatsTest.PRODUCTS,
                "BACI_HS17_Y2022_V1.csv", "t,i,j,k,v,q\n2022,156,842\n"));
        List<String> fromComtrade = messages(dir.resolve("comtrade"), Map.of("export.csv",
                "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n2022,USA,CHN\n"));
        assertThat(fromBaci).containsExactly("expected 6 columns (t,i,j,k,v,q), found 3");
        assertThat(fromComtrade).containsExactly(
                "expected 6 columns (refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue), found 3");
    }
}
