package org.rareearth.tradedata.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.TradeData;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.baci.BaciFiles;
import org.rareearth.tradedata.baci.BaciReader;
import org.rareearth.tradedata.comtrade.ComtradeReader;
import org.rareearth.tradedata.source.Csv;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.FileKind;

/**
 * Tells which format the files of a source are in and reads them with the matching reader: CEPII
 * BACI (year files with country and product tables) or UN Comtrade CSV exports. The file names and
 * headers are the readers' own ({@link BaciFiles}, {@link ComtradeReader#REQUIRED}): a name the
 * BACI reader would not read does not make a source BACI.
 */
public final class Formats {

    private Formats() {
    }

    /** Reads the source in the format its files are in. */
    public static TradeData read(DataSource source, ReadOptions options) throws IOException {
        return switch (detect(source)) {
            case TradeData.BACI -> BaciReader.read(source, options);
            case TradeData.COMTRADE -> ComtradeReader.read(source, options);
            default -> throw new IllegalStateException("no reader");
        };
    }

    /**
     * {@link TradeData#BACI} when the source has a BACI table ({@link BaciFiles#isTable}),
     * {@link TradeData#COMTRADE} when a CSV file's header has Comtrade's required columns.
     *
     * @throws UploadRejectedException NOT_A_DATASET saying what was expected and what came (and
     *                                 which names are nearly BACI's); NOT_THE_FORMAT for a file that
     *                                 is not CSV text
     */
    public static String detect(DataSource source) throws IOException {
        List<String> names = source.fileNames();
        if (names.stream().anyMatch(BaciFiles::isTable)) {
            return TradeData.BACI;
        }
        List<String> nearMisses = BaciFiles.nearMisses(names);
        String hint = nearMisses.isEmpty() ? "" : "; nearly BACI names: " + String.join(", ", nearMisses);
        List<String> years = names.stream().filter(BaciFiles::isYearFile).toList();
        if (!years.isEmpty()) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, String.join(", ", years) + ": BACI year files "
                    + "alone are not a data set: BACI needs its tables too (country_codes*.csv and product_codes*.csv); "
                    + "send them together, as a ZIP or in one multipart/form-data upload" + hint);
        }
        List<String> csvs = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
        for (String name : csvs) {
            List<String> header = header(source, name);
            if (ComtradeReader.isExportHeader(header)) {
                return TradeData.COMTRADE;
            }
            if (header.equals(BaciFiles.YEAR_HEADER)) {
                throw new UploadRejectedException(Reason.NOT_A_DATASET, name + " is a BACI year file (t,i,j,k,v,q), "
                        + "but BACI needs its tables too: name it BACI_<HS>_Y<year>_<release>.csv and send it with "
                        + "country_codes.csv and product_codes.csv, as a ZIP or in one multipart/form-data upload" + hint);
            }
        }
        throw new UploadRejectedException(Reason.NOT_A_DATASET, "neither a BACI data set (country_codes.csv, "
                + "product_codes.csv, BACI_<HS>_Y<year>_<release>.csv) nor a UN Comtrade export (a CSV with columns "
                + "refYear, reporterISO, partnerISO, flowCode, cmdCode, primaryValue) among the files: "
                + (names.isEmpty() ? "(none)" : String.join(", ", names)) + hint);
    }

    /** The column names of a CSV file's first line, trimmed and lower case, after checking the file is CSV text. */
    private static List<String> header(DataSource source, String name) throws IOException {
        try (InputStream in = FileKind.requireCsv(source.open(name), name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null) {
                return List.of();
            }
            List<String> fields = Csv.split(first.replace("\uFEFF", ""));
            return fields == null ? List.of() : fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        }
    }
}
