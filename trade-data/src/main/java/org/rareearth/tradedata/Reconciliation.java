package org.rareearth.tradedata;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a reporter-based file (UN Comtrade) became one exporter-to-importer value per pair: the
 * importer's report is preferred, the exporter's mirror report is the fall-back.
 *
 * @param fromImporter       flows whose value is the importer's report
 * @param fromExporter       flows whose value is the exporter's report (the importer did not report)
 * @param mirrored           flows both sides reported (the importer's value was used)
 * @param droppedAggregates  partner or reporter that is not a country (World, "areas nes", regional
 *                           totals, ...) as {@code "CODE name"} to the number of records dropped
 * @param droppedOther       other records set aside, by reason (e.g. {@code "flowCode RX"}), to their count
 * @param flows              the source of every flow, in year, product, exporter, importer order
 */
public record Reconciliation(long fromImporter, long fromExporter, long mirrored,
                             SortedMap<String, Long> droppedAggregates, SortedMap<String, Long> droppedOther,
                             List<FlowSource> flows) {

    public static final String IMPORTER = "importer";
    public static final String EXPORTER = "exporter";

    /**
     * One reconciled flow. Values in thousand USD; a side that did not report is null.
     *
     * @param source {@link #IMPORTER} or {@link #EXPORTER}: whose report the flow's value is
     */
    public record FlowSource(int year, String product, String exporter, String importer, String source,
                             Double importerValue, Double exporterValue) {
    }

    public Reconciliation {
        droppedAggregates = Collections.unmodifiableSortedMap(new TreeMap<>(droppedAggregates));
        droppedOther = Collections.unmodifiableSortedMap(new TreeMap<>(droppedOther));
        flows = List.copyOf(flows);
    }
}
