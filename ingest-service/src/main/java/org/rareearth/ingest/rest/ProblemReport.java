package org.rareearth.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.ingest.persistence.StoredProblem;
import org.rareearth.shared.events.EventCodec;

/** The downloadable forms of a data set's report: rejected rows as CSV, the summary as JSON. */
final class ProblemReport {

    static final String CSV_HEADER = "file,line,column,reason";

    private ProblemReport() {
    }

    /** {@code file,line,column,reason}, one line per problem, fields quoted where they need it. */
    static String csv(List<StoredProblem> problems) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (StoredProblem p : problems) {
            out.append(quote(p.file())).append(',').append(p.line()).append(',')
                    .append(p.column() == null ? "" : quote(p.column())).append(',').append(quote(p.message())).append('\n');
        }
        return out.toString();
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    static Map<String, Object> report(DatasetSummary s, int problems, String reconciliationJson) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("version", s.version());
        report.put("format", s.format());
        report.put("source", s.source());
        report.put("createdAt", s.createdAt());
        report.put("productFilter", s.productFilter());
        report.put("years", s.years());
        report.put("products", s.products());
        report.put("countries", s.countries());
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("read", s.rowsRead());
        rows.put("accepted", s.acceptedRows());
        rows.put("rejected", s.rejectedRows());
        rows.put("skipped", s.skippedRows());
        report.put("rows", rows);
        report.put("problems", problems);
        report.put("dataNotice", s.dataNotice());
        report.put("reconciliation", reconciliationJson == null ? null : parse(reconciliationJson));
        return report;
    }

    private static JsonNode parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reconciliation is unreadable", e);
        }
    }
}
