package org.rareearth.network.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.Topics;

/**
 * The service's table (schema {@code network}), shared by every replica of the service (which
 * replica may store and send a key: {@link ReplicaLocks}). Every write runs in its own transaction,
 * so the caller decides the order of "store, publish, mark" (publish-then-mark, docs/events.md).
 */
@ApplicationScoped
public class MetricsStore {

    @Inject
    EntityManager em;

    public Optional<MetricsRecord> find(String metricsKey) {
        return QuarkusTransaction.requiringNew().call(() -> MetricsRecord.<MetricsRecord>findByIdOptional(metricsKey));
    }

    /**
     * Stores an event unpublished. A key already stored is left as it is (another instance computed
     * the same thing: same key, same result), including when that instance commits first.
     */
    public void store(NetworkMetricsEvent e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (MetricsRecord.findById(e.metricsKey()) != null) {
                    return;
                }
                MetricsRecord r = new MetricsRecord();
                r.metricsKey = e.metricsKey();
                r.scenarioId = e.scenarioId();
                r.scenarioVersion = e.scenarioVersion();
                r.datasetVersion = e.datasetVersion();
                r.product = e.product();
                r.year = e.year();
                r.source = e.source();
                r.status = e.status().name();
                r.event = EventCodec.encode(e);
                r.published = false;
                r.createdAt = Instant.now();
                r.persist();
            });
        } catch (RuntimeException conflict) {
            // a unique-key conflict surfaces at commit, wrapped by the transaction manager: when the
            // key is now stored, another instance stored the same answer first, which is fine
            if (find(e.metricsKey()).isEmpty()) {
                throw conflict;
            }
        }
    }

    public void markPublished(String metricsKey) {
        QuarkusTransaction.requiringNew().run(() ->
                MetricsRecord.update("published = true where metricsKey = ?1", metricsKey));
    }

    /** Events stored but not yet acknowledged by the broker, in the order they were computed. */
    public List<MetricsRecord> unpublished() {
        return QuarkusTransaction.requiringNew().call(() -> MetricsRecord.<MetricsRecord>list("published = false order by seq"));
    }

    /** Keeps a dataset.current pointer; a copy or an older one changes nothing. */
    public void storeCurrentDataset(CurrentDatasetEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            Long highest = em.createQuery("select max(c.sequence) from CurrentDatasetRecord c", Long.class)
                    .getSingleResult();
            if (event.movesPointerFrom(highest)) {
                CurrentDatasetRecord r = new CurrentDatasetRecord();
                r.sequence = event.sequence();
                r.datasetVersion = event.datasetVersion();
                r.receivedAt = Instant.now();
                r.persist();
            }
        });
    }

    /**
     * The observed series of a product: every year of the current data-set version
     * (dataset.current) when it has this product, else of the newest version that has it (the
     * version whose first observed network of it was stored last), ascending by year.
     */
    public List<MetricsRecord> observedSeries(String product) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> current = CurrentDatasetRecord.<CurrentDatasetRecord>find("order by sequence desc")
                    .firstResultOptional().map(c -> c.datasetVersion)
                    .filter(v -> MetricsRecord.count("scenarioId = ?1 and product = ?2 and datasetVersion = ?3",
                            Topics.OBSERVED, product, v) > 0);
            Optional<String> latest = current.isPresent() ? current : em.createQuery("select m.datasetVersion from MetricsRecord m"
                            + " where m.scenarioId = ?1 and m.product = ?2 group by m.datasetVersion order by min(m.seq) desc",
                            String.class)
                    .setParameter(1, Topics.OBSERVED).setParameter(2, product)
                    .setMaxResults(1).getResultStream().findFirst();
            return latest.map(version -> MetricsRecord.<MetricsRecord>list(
                    "scenarioId = ?1 and product = ?2 and datasetVersion = ?3 order by year",
                    Topics.OBSERVED, product, version)).orElse(List.of());
        });
    }

    /** The highest scenario version with metrics, empty when the scenario has none. */
    public Optional<Integer> latestVersion(String scenarioId) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.createQuery(
                        "select max(m.scenarioVersion) from MetricsRecord m where m.scenarioId = ?1", Integer.class)
                .setParameter(1, scenarioId).getSingleResult()));
    }

    /**
     * The metrics of one scenario version on the newest data-set version it was computed on, by
     * product and year.
     */
    public List<MetricsRecord> scenarioMetrics(String scenarioId, int version) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> latest = em.createQuery("select m.datasetVersion from MetricsRecord m"
                            + " where m.scenarioId = ?1 and m.scenarioVersion = ?2 group by m.datasetVersion"
                            + " order by min(m.seq) desc", String.class)
                    .setParameter(1, scenarioId).setParameter(2, version)
                    .setMaxResults(1).getResultStream().findFirst();
            return latest.map(dataset -> MetricsRecord.<MetricsRecord>list(
                    "scenarioId = ?1 and scenarioVersion = ?2 and datasetVersion = ?3 order by product, year",
                    scenarioId, version, dataset)).orElse(List.of());
        });
    }
}
