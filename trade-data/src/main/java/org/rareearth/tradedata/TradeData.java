package org.rareearth.tradedata;

import org.rareearth.tradedata.ContentVersion;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rareearth.tradedata.BaselineTariffs;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.shared.trade.TradeFlow;

/**
 * What a reader made of a {@link DataSource}, whatever the format: the accepted flows, the
 * reference tables, every problem, and what identifies the content. Everything the service stores
 * and publishes is computed from this.
 *
 * @param format         {@link #BACI} or {@link #COMTRADE}
 * @param flows          accepted flows per year (thousand USD, tons), in file order; every year the
 *                       source has data for is a key, also when none of its rows was accepted
 * @param products       HS6 code to description: the products of the data set (after the filter)
 * @param countries      ISO3 code to name: the countries the data set knows
 * @param tariffs        baseline wedges ({@link BaselineTariffs#none()} when the format has none)
 * @param problems       every rejected row, in reading order (file, line, column, reason)
 * @param rows           row counts over all data files
 * @param fileDigests    file name to the hex SHA-256 of its bytes, for every file that makes the
 *                       content (see {@code ContentVersion}); files not read are not listed
 * @param notice         the provenance notice the source carries ({@code dataset.properties}), or null
 * @param reconciliation how reporter-based records became exporter-to-importer flows; null for BACI
 */
public record TradeData(String format, SortedMap<Integer, List<TradeFlow>> flows, SortedMap<String, String> products,
                        SortedMap<String, String> countries, BaselineTariffs tariffs, List<DataProblem> problems,
                        RowCounts rows, SortedMap<String, String> fileDigests, String notice,
                        Reconciliation reconciliation) {

    public static final String BACI = "BACI";
    public static final String COMTRADE = "UN Comtrade";

    /**
     * Row counts. {@code read} = data rows seen (header and blank lines excluded) = accepted +
     * rejected + skipped; {@code skipped} = rows of products the filter does not keep, and records
     * a reconciliation sets aside (aggregates, other flow codes, breakdowns). Both reports of a
     * mirrored Comtrade pair count as accepted.
     */
    public record RowCounts(long read, long accepted, long rejected, long skipped) {
    }

    public TradeData {
        TreeMap<Integer, List<TradeFlow>> copy = new TreeMap<>();
        flows.forEach((year, list) -> copy.put(year, List.copyOf(list)));
        flows = Collections.unmodifiableSortedMap(copy);
        products = Collections.unmodifiableSortedMap(new TreeMap<>(products));
        countries = Collections.unmodifiableSortedMap(new TreeMap<>(countries));
        problems = List.copyOf(problems);
        fileDigests = Collections.unmodifiableSortedMap(new TreeMap<>(fileDigests));
    }

    public List<Integer> years() {
        return List.copyOf(flows.keySet());
    }
}
