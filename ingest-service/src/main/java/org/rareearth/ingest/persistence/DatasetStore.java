package org.rareearth.ingest.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rareearth.tradedata.DataProblem;
import org.rareearth.ingest.core.PreparedDataset;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * The ingest schema: data-set versions, their rejected rows and their baselines. A data set is
 * stored in one transaction (version, problems and every baseline, or nothing).
 */
@ApplicationScoped
public class DatasetStore {

    private static final ObjectMapper JSON = EventCodec.mapper();
    /** Flush and clear the session every so many rows so a large data set does not pile up in memory. */
    private static final int FLUSH_EVERY = 500;

    @Inject
    EntityManager em;

    /**
     * Stores the data set unless its version exists.
     *
     * @return true if this call stored it, false if the version was already stored (nothing written)
     */
    @Transactional
    public boolean storeIfAbsent(PreparedDataset data, String source, Instant now) {
        return storeIfAbsent(data, source, now, null);
    }

    /** As {@link #storeIfAbsent(PreparedDataset, String, Instant)}, recording who uploaded it (null: nobody, bootstrap). */
    @Transactional
    public boolean storeIfAbsent(PreparedDataset data, String source, Instant now, String uploadedBy) {
        if (em.find(DatasetVersionEntity.class, data.version()) != null) {
            return false;
        }
        DatasetVersionEntity v = new DatasetVersionEntity();
        v.version = data.version();
        v.createdAt = now;
        v.source = source;
        v.uploadedBy = uploadedBy;
        v.years = json(data.years());
        v.products = json(data.products());
        v.countries = data.countries();
        v.acceptedRows = data.acceptedRows();
        v.rejectedRows = data.rejectedRows();
        v.dataNotice = data.dataNotice();
        v.noticeRecorded = data.noticeRecorded();
        v.format = data.format();
        v.productFilter = data.productFilter();
        v.rowsRead = data.rows().read();
        v.skippedRows = data.rows().skipped();
        v.reconciliation = data.reconciliation() == null ? null : json(data.reconciliation());
        em.persist(v);
        // the version row first: the others reference it
        em.flush();
        int written = 0;
        int ordinal = 0;
        for (DataProblem p : data.problems()) {
            DatasetProblemEntity e = new DatasetProblemEntity();
            e.version = data.version();
            e.ordinal = ordinal++;
            e.fileName = p.file();
            e.line = p.line();
            e.columnName = p.column();
            e.message = p.message();
            em.persist(e);
            written = flushNowAndThen(written);
        }
        for (TradeBaselineEvent event : data.events()) {
            DatasetBaselineEntity b = new DatasetBaselineEntity();
            b.eventKey = event.key();
            b.version = event.datasetVersion();
            b.year = event.year();
            b.product = event.product();
            b.flows = event.flows().size();
            b.tariffs = event.tariffs().size();
            b.event = EventCodec.encode(event);
            b.published = false;
            em.persist(b);
            written = flushNowAndThen(written);
        }
        return true;
    }

    private int flushNowAndThen(int written) {
        if (++written % FLUSH_EVERY == 0) {
            em.flush();
            em.clear();
        }
        return written;
    }

    /** Baselines of {@code version} the broker has not acknowledged, in key order. */
    @Transactional
    public List<StoredBaseline> unpublished(String version) {
        return em.createQuery("select b from DatasetBaselineEntity b where b.version = :v and b.published = false "
                        + "order by b.year, b.product", DatasetBaselineEntity.class)
                .setParameter("v", version).getResultStream()
                .map(b -> new StoredBaseline(b.eventKey, b.version, b.event)).toList();
    }

    /** Versions that have baselines the broker has not acknowledged, oldest first. */
    @Transactional
    public List<String> versionsWithUnpublished() {
        return em.createQuery("select distinct b.version, v.createdAt from DatasetBaselineEntity b, DatasetVersionEntity v "
                        + "where v.version = b.version and b.published = false order by v.createdAt", Object[].class)
                .getResultStream().map(r -> (String) r[0]).toList();
    }

    @Transactional
    public void markPublished(Collection<String> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        em.createQuery("update DatasetBaselineEntity b set b.published = true, b.publishedAt = :at "
                        + "where b.eventKey in :keys and b.published = false")
                .setParameter("at", at).setParameter("keys", keys).executeUpdate();
    }

    @Transactional
    public Optional<DatasetSummary> find(String version) {
        DatasetVersionEntity v = em.find(DatasetVersionEntity.class, version);
        if (v == null) {
            return Optional.empty();
        }
        Map<String, long[]> counts = baselineCounts(List.of(version));
        String current = current().map(Activation::version).orElse(null);
        return Optional.of(summary(v, counts.getOrDefault(version, new long[2]), current));
    }

    /** Every version, newest first. */
    @Transactional
    public List<DatasetSummary> list() {
        List<DatasetVersionEntity> versions = em.createQuery(
                "select v from DatasetVersionEntity v order by v.createdAt desc, v.version", DatasetVersionEntity.class)
                .getResultList();
        Map<String, long[]> counts = baselineCounts(versions.stream().map(v -> v.version).toList());
        String current = current().map(Activation::version).orElse(null);
        return versions.stream().map(v -> summary(v, counts.getOrDefault(v.version, new long[2]), current)).toList();
    }

    // ------------------------------------------------------------------------- the current version

    /** Records that {@code version} is current from now on (not yet published on dataset.current). */
    @Transactional
    public Activation activate(String version, String reason, Instant now) {
        DatasetActivationEntity a = new DatasetActivationEntity();
        a.version = version;
        a.activatedAt = now;
        a.reason = reason;
        a.published = false;
        em.persist(a);
        em.flush();
        return Activation.of(a);
    }

    /** The newest activation: the current version; empty before the first data set. */
    @Transactional
    public Optional<Activation> current() {
        return em.createQuery("select a from DatasetActivationEntity a order by a.sequence desc", DatasetActivationEntity.class)
                .setMaxResults(1).getResultStream().findFirst().map(Activation::of);
    }

    @Transactional
    public void markActivationPublished(long sequence, Instant at) {
        em.createQuery("update DatasetActivationEntity a set a.published = true, a.publishedAt = :at "
                        + "where a.sequence = :s").setParameter("at", at).setParameter("s", sequence).executeUpdate();
    }

    /** Marks every baseline of {@code version} unpublished, so that the next round sends the whole version again. */
    @Transactional
    public int markForRepublishing(String version) {
        return em.createQuery("update DatasetBaselineEntity b set b.published = false where b.version = :v")
                .setParameter("v", version).executeUpdate();
    }

    /** The problems of {@code version} in reading order; empty when the version has none. */
    @Transactional
    public List<StoredProblem> problems(String version) {
        return em.createQuery("select p from DatasetProblemEntity p where p.version = :v order by p.ordinal",
                        DatasetProblemEntity.class)
                .setParameter("v", version).getResultStream()
                .map(p -> new StoredProblem(p.fileName, p.line, p.columnName, p.message)).toList();
    }

    /** The reconciliation of a UN Comtrade data set, as stored (JSON); empty for BACI or an unknown version. */
    @Transactional
    public Optional<String> reconciliation(String version) {
        DatasetVersionEntity v = em.find(DatasetVersionEntity.class, version);
        return Optional.ofNullable(v).map(x -> x.reconciliation);
    }

    /** The stored baseline JSON of one key, if any. */
    @Transactional
    public Optional<String> baseline(String key) {
        DatasetBaselineEntity b = em.find(DatasetBaselineEntity.class, key);
        return Optional.ofNullable(b).map(x -> x.event);
    }

    /** Per version: {baselines, published}. */
    private Map<String, long[]> baselineCounts(List<String> versions) {
        if (versions.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select b.version, count(b), sum(case when b.published then 1 else 0 end) "
                        + "from DatasetBaselineEntity b where b.version in :v group by b.version", Object[].class)
                .setParameter("v", versions).getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0],
                        r -> new long[] {((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue()}));
    }

    private static DatasetSummary summary(DatasetVersionEntity v, long[] counts, String currentVersion) {
        return new DatasetSummary(v.version, v.createdAt, v.source, read(v.years, new TypeReference<List<Integer>>() {
        }), read(v.products, new TypeReference<List<String>>() {
        }), v.countries, v.acceptedRows, v.rejectedRows, v.dataNotice, v.noticeRecorded, counts[0], counts[1],
                v.format, v.productFilter, v.rowsRead, v.skippedRows, v.version.equals(currentVersion), v.uploadedBy);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + json, e);
        }
    }
}
