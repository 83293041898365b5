package org.rareearth.ingest.core;

import org.rareearth.tradedata.DataNotice;
import org.rareearth.tradedata.ContentVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rareearth.tradedata.baci.BaciFormatException;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.tradedata.UploadRejectedException.Reason;
import org.rareearth.tradedata.source.DataSource;
import org.rareearth.tradedata.source.DirectorySource;
import org.rareearth.tradedata.format.Formats;
import org.rareearth.tradedata.ReadOptions;
import org.rareearth.tradedata.Reconciliation;
import org.rareearth.tradedata.TradeData;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * Everything an ingest stores and publishes, computed from a source without touching the database
 * or the broker: the content version, the notice, the report (row counts, rejected rows, the
 * reconciliation of a Comtrade export) and the baseline events.
 *
 * @param productFilter the filter the data were read with ({@code all} or a comma list); part of the version
 */
public record PreparedDataset(String version, String format, String productFilter, String dataNotice,
                              boolean noticeRecorded, List<Integer> years, List<String> products, int countries,
                              TradeData.RowCounts rows, List<DataProblem> problems, List<TradeBaselineEvent> events,
                              Reconciliation reconciliation) {

    public PreparedDataset {
        years = List.copyOf(years);
        products = List.copyOf(products);
        problems = List.copyOf(problems);
        events = List.copyOf(events);
    }

    /**
     * Reads the source in its format.
     *
     * @throws UploadRejectedException NOT_A_DATASET when a mandatory file is missing or a header is
     *                                 wrong (the message names the file), or another reason the
     *                                 readers give (NOT_THE_FORMAT, TOO_MANY_ROWS, ...)
     */
    public static PreparedDataset read(DataSource source, ReadOptions options) throws IOException {
        TradeData data;
        try {
            data = Formats.read(source, options);
        } catch (BaciFormatException e) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, e.getMessage(), e);
        }
        return of(data, options);
    }

    /** Reads a data directory with every product kept and no limits (tests, tools). */
    public static PreparedDataset read(Path dir) throws IOException {
        try (DataSource source = new DirectorySource(dir, dir.toString())) {
            return read(source, ReadOptions.everything());
        }
    }

    public static PreparedDataset of(TradeData data, ReadOptions options) {
        String version = ContentVersion.of(data, options.products());
        String notice = DataNotice.orNotRecorded(data.notice());
        return new PreparedDataset(version, data.format(), options.products().toString(), notice,
                !DataNotice.NOT_RECORDED.equals(notice), data.years(), List.copyOf(data.products().keySet()),
                data.countries().size(), data.rows(), data.problems(), BaselineEvents.of(data, version, notice),
                data.reconciliation());
    }

    public long acceptedRows() {
        return rows.accepted();
    }

    public long rejectedRows() {
        return rows.rejected();
    }
}
