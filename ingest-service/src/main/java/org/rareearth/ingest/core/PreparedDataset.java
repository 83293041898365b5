package org.rareearth.ingest.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rareearth.ingest.baci.BaciDataset;
import org.rareearth.ingest.baci.BaciFormatException;
import org.rareearth.ingest.baci.DataProblem;
import org.rareearth.ingest.core.UploadRejectedException.Reason;
import org.rareearth.ingest.source.DirectorySource;
import org.rareearth.ingest.source.ProductFilter;
import org.rareearth.ingest.source.ReadOptions;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * Everything an ingest stores and publishes, computed from a data directory without touching the
 * database or the broker: the content version, the notice, the rejected rows and the baseline events.
 *
 * @param acceptedRows flow rows of the year files that were accepted
 * @param rejectedRows rows of any file (year files, country, product and tariff tables) with at
 *                     least one problem; a row with two faulty fields counts once
 */
public record PreparedDataset(String version, String dataNotice, boolean noticeRecorded, List<Integer> years,
                              List<String> products, int countries, long acceptedRows, long rejectedRows,
                              List<DataProblem> problems, List<TradeBaselineEvent> events) {

    public PreparedDataset {
        years = List.copyOf(years);
        products = List.copyOf(products);
        problems = List.copyOf(problems);
        events = List.copyOf(events);
    }

    /**
     * Reads the data set in {@code dir}.
     *
     * @throws UploadRejectedException NOT_A_DATASET when a mandatory file is missing or a header is
     *                                 wrong; the message names the file relative to {@code dir}
     */
    public static PreparedDataset read(Path dir) throws IOException {
        BaciDataset data;
        try (DirectorySource source = new DirectorySource(dir, dir.toString())) {
            data = BaciDataset.read(source, ReadOptions.everything());
        } catch (BaciFormatException e) {
            throw new UploadRejectedException(Reason.NOT_A_DATASET, describe(dir, e), e);
        }
        // one pass over the files: the version comes from the digests taken while reading
        String version = ContentVersion.of(data.tradeData(), ProductFilter.all());
        String notice = data.notice() == null ? DataNotice.NOT_RECORDED : data.notice();
        long accepted = 0;
        for (int year : data.years()) {
            accepted += data.flows(year).size();
        }
        Set<String> faultyRows = new HashSet<>();
        for (DataProblem p : data.problems()) {
            faultyRows.add(p.file() + ":" + p.line());
        }
        return new PreparedDataset(version, notice, !DataNotice.NOT_RECORDED.equals(notice),
                List.copyOf(data.years()), List.copyOf(data.products().keySet()), data.countries().size(),
                accepted, faultyRows.size(), data.problems(), BaselineEvents.of(data, version, notice));
    }

    /** The reader's message with the file relative to the data directory (never a server path). */
    static String describe(Path dir, BaciFormatException e) {
        String message = e.detail();
        // the reader names files inside the data set (relative); older callers gave paths under dir
        Path relative = e.file().isAbsolute()
                ? dir.toAbsolutePath().normalize().relativize(e.file().toAbsolutePath().normalize())
                : e.file();
        String where = relative.toString().isEmpty() ? "data set" : relative.toString();
        return where + ": " + message;
    }
}
