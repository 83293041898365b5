package org.rareearth.tradedata.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rareearth.tradedata.baci.BaciReader;
import org.rareearth.tradedata.comtrade.ComtradeReader;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;

/**
 * Tells which format the files of a source are in and reads them with the matching reader: CEPII
 * BACI (year files with country and product tables) or UN Comtrade CSV exports.
 */
public final class Formats {

    private static final Pattern BACI_TABLE = Pattern.compile("(?i)(country_codes.*|product_codes.*)\\.csv");
    private static final Pattern BACI_YEAR = Pattern.compile("(?i)BACI_.+_Y\\d{4}.*\\.csv");
    private static final List<String> COMTRADE_COLUMNS = List.of("refyear", "reporteriso", "flowcode", "cmdcode");
    private static final String BACI_HEADER = "t,i,j,k,v,q";

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
     * {@link TradeData#BACI} when the source has a BACI file name, {@link TradeData#COMTRADE} when a
     * CSV file's header has Comtrade's columns.
     *
     * @throws UploadRejectedException NOT_A_DATASET saying what was expected and what came;
     *                                 NOT_THE_FORMAT for a file that is not CSV text
     */
    public static String detect(DataSource source) throws IOException {
        List<String> names = source.fileNames();
        if (names.stream().anyMatch(n -> BACI_TABLE.matcher(n).matches())) {
            return TradeData.BACI;
        }
        List<String> years = names.stream().filter(n -> BACI_YEAR.matcher(n).matches()).toList();
        if (!years.isEmpty()) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, String.join(", ", years) + ": BACI year files "
                    + "alone are not a data set: BACI needs its tables too (country_codes*.csv and product_codes*.csv); "
                    + "send them together, as a ZIP or in one multipart/form-data upload");
        }
        List<String> csvs = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv")).toList();
        for (String name : csvs) {
            String header = header(source, name);
            if (COMTRADE_COLUMNS.stream().allMatch(header::contains)) {
                return TradeData.COMTRADE;
            }
            if (header.replace(" ", "").replace("\"", "").equals(BACI_HEADER)) {
                throw new UploadRejectedException(Reason.NOT_A_DATASET, name + " is a BACI year file (t,i,j,k,v,q), "
                        + "but BACI needs its tables too: name it BACI_<HS>_Y<year>_<release>.csv and send it with "
                        + "country_codes.csv and product_codes.csv, as a ZIP or in one multipart/form-data upload");
            }
        }
        throw new UploadRejectedException(Reason.NOT_A_DATASET, "neither a BACI data set (country_codes.csv, "
                + "product_codes.csv, BACI_<HS>_Y<year>_<release>.csv) nor a UN Comtrade export (a CSV with columns "
                + "refYear, reporterISO, partnerISO, flowCode, cmdCode, primaryValue) among the files: "
                + (names.isEmpty() ? "(none)" : String.join(", ", names)));
    }

    /** The first line of a CSV file, lower case, after checking the file is CSV text. */
    private static String header(DataSource source, String name) throws IOException {
        try (InputStream in = FileKind.requireCsv(source.open(name), name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null) {
                return "";
            }
            return first.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        }
    }
}
