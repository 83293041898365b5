package org.rareearth.simulation.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.simulation.run.DatasetCatalogue;

/**
 * The service's tables (schema {@code simulation}), shared by every replica of the service. Every
 * write runs in its own transaction, so the caller decides the order of "store, publish, mark"
 * (publish-then-mark, docs/events.md); which replica may do that for a unit is decided by
 * {@link ReplicaLocks}.
 */
@ApplicationScoped
public class SimulationStore {

    @Inject
    EntityManager em;

    // ------------------------------------------------------------------------------- baselines

    /** Stores a baseline event once; {@code false} when its (version, year, product) was already stored. */
    public boolean storeBaseline(TradeBaselineEvent event, String json) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (findBaseline(event.datasetVersion(), event.year(), event.product()).isPresent()) {
                return false;
            }
            BaselineRecord r = new BaselineRecord();
            r.datasetVersion = event.datasetVersion();
            r.year = event.year();
            r.product = event.product();
            r.event = json;
            r.receivedAt = Instant.now();
            r.persist();
            return true;
        });
    }

    public Optional<TradeBaselineEvent> baseline(String datasetVersion, int year, String product) {
        return QuarkusTransaction.requiringNew().call(() -> findBaseline(datasetVersion, year, product))
                .map(r -> EventCodec.decode(r.event, TradeBaselineEvent.class));
    }

    private Optional<BaselineRecord> findBaseline(String datasetVersion, int year, String product) {
        return BaselineRecord.find("datasetVersion = ?1 and year = ?2 and product = ?3", datasetVersion, year, product)
                .firstResultOptional();
    }

    /**
     * The data-set version forecasts that pin none are solved on: the pointer of dataset.current
     * with the highest sequence; before any pointer arrived, the version whose first baseline
     * arrived last.
     */
    public Optional<String> currentDatasetVersion() {
        return QuarkusTransaction.requiringNew().call(() -> CurrentDatasetRecord.<CurrentDatasetRecord>find(
                        "order by sequence desc").firstResultOptional().map(r -> r.datasetVersion))
                .or(this::latestDatasetVersion);
    }

    /**
     * Keeps a pointer event.
     *
     * @return true when it moved the pointer (its sequence is higher than every one stored)
     */
    public boolean storeCurrentDataset(CurrentDatasetEvent event, String json) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long highest = em.createQuery("select max(c.sequence) from CurrentDatasetRecord c", Long.class)
                    .getSingleResult();
            if (!event.movesPointerFrom(highest)) {
                return false;
            }
            CurrentDatasetRecord r = new CurrentDatasetRecord();
            r.sequence = event.sequence();
            r.datasetVersion = event.datasetVersion();
            r.event = json;
            r.receivedAt = Instant.now();
            r.persist();
            return true;
        });
    }

    /** The data-set version whose first baseline arrived last: the newest data. */
    private Optional<String> latestDatasetVersion() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select b.datasetVersion from BaselineRecord b group by b.datasetVersion order by min(b.seq) desc",
                        String.class)
                .setMaxResults(1).getResultStream().findFirst());
    }

    /** The catalogue of a version, as any of its baselines carries it. */
    public Optional<DatasetCatalogue> catalogue(String datasetVersion) {
        return QuarkusTransaction.requiringNew().call(() -> BaselineRecord.<BaselineRecord>find(
                        "datasetVersion = ?1 order by seq", datasetVersion).firstResultOptional())
                .map(r -> DatasetCatalogue.of(EventCodec.decode(r.event, TradeBaselineEvent.class)));
    }

    public long baselineCount(String datasetVersion) {
        return QuarkusTransaction.requiringNew().call(() -> BaselineRecord.count("datasetVersion", datasetVersion));
    }

    // -------------------------------------------------------------------------------- requests

    /**
     * Keeps the request when it is not older than the stored version of its scenario.
     *
     * @return {@code false} for a stale request (an older version than the one stored)
     */
    public boolean storeRequest(ScenarioRequestEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScenarioRequestRecord r = ScenarioRequestRecord.findById(event.scenarioId());
            if (r != null && r.scenarioVersion > event.scenarioVersion()) {
                return false;
            }
            if (r == null) {
                r = new ScenarioRequestRecord();
                r.scenarioId = event.scenarioId();
            } else if (r.scenarioVersion == event.scenarioVersion() && r.archived && !event.archived()) {
                // archiving is final for a version: a late copy of the active request does not revive it
                return false;
            }
            r.scenarioVersion = event.scenarioVersion();
            r.archived = event.archived();
            if (event.document() != null) {
                r.document = event.document();
            }
            r.requestedAt = event.requestedAt();
            r.requestedBy = event.requestedBy();
            r.updatedAt = Instant.now();
            r.persist();
            return true;
        });
    }

    public Optional<ScenarioRequestRecord> request(String scenarioId) {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioRequestRecord.<ScenarioRequestRecord>findByIdOptional(scenarioId));
    }

    /** Every scenario whose latest version is not archived, oldest first. */
    public List<ScenarioRequestRecord> activeRequests() {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioRequestRecord.<ScenarioRequestRecord>list(
                "archived = false order by updatedAt, scenarioId"));
    }

    // --------------------------------------------------------------------------------- results

    /** The stored results of one computation unit (scenario version, data-set version, product), by year. */
    public List<ResultRecord> unit(String scenarioId, int scenarioVersion, String datasetVersion, String product) {
        return QuarkusTransaction.requiringNew().call(() -> product == null
                ? ResultRecord.<ResultRecord>list("scenarioId = ?1 and scenarioVersion = ?2 and datasetVersion = ?3"
                        + " and product is null order by year", scenarioId, scenarioVersion, datasetVersion)
                : ResultRecord.<ResultRecord>list("scenarioId = ?1 and scenarioVersion = ?2 and datasetVersion = ?3"
                        + " and product = ?4 order by year", scenarioId, scenarioVersion, datasetVersion, product));
    }

    public List<ResultRecord> unit(ResultUnit unit) {
        return unit(unit.scenarioId(), unit.scenarioVersion(), unit.datasetVersion(), unit.product());
    }

    /**
     * The units with results stored but not yet acknowledged by the broker, in the order they were
     * computed (by their first such result).
     */
    public List<ResultUnit> unpublishedUnits() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r.scenarioId, r.scenarioVersion,"
                        + " r.datasetVersion, r.product from ResultRecord r where r.published = false"
                        + " group by r.scenarioId, r.scenarioVersion, r.datasetVersion, r.product order by min(r.seq)",
                        Object[].class)
                .getResultStream()
                .map(row -> new ResultUnit((String) row[0], (Integer) row[1], (String) row[2], (String) row[3]))
                .toList());
    }

    /**
     * Stores results unpublished, in one transaction. A key that is already stored is left as it is
     * (another instance computed the same thing: same key, same result).
     */
    public void storeResults(List<SimulationResultEvent> events) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (SimulationResultEvent e : events) {
                em.createNativeQuery("insert into {h-schema}result (result_key, scenario_id, scenario_version, dataset_version,"
                                + " product, year, status, error, event, published, created_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, false, ?10)"
                                + " on conflict (result_key) do nothing")
                        .setParameter(1, e.resultKey())
                        .setParameter(2, e.scenarioId())
                        .setParameter(3, e.scenarioVersion())
                        .setParameter(4, e.datasetVersion())
                        .setParameter(5, e.product())
                        .setParameter(6, e.year())
                        .setParameter(7, e.status().name())
                        .setParameter(8, e.error())
                        .setParameter(9, EventCodec.encode(e))
                        .setParameter(10, now)
                        .executeUpdate();
            }
        });
    }

    public void markPublished(String resultKey) {
        QuarkusTransaction.requiringNew().run(() ->
                ResultRecord.update("published = true where resultKey = ?1", resultKey));
    }

    /** Every result of a scenario (any version, any data-set version), in computing order. */
    public List<ResultRecord> results(String scenarioId) {
        return QuarkusTransaction.requiringNew().call(() -> ResultRecord.<ResultRecord>list(
                "scenarioId = ?1 order by seq", scenarioId));
    }

    /** One result; the most recently computed data-set version when {@code datasetVersion} is null. */
    public Optional<ResultRecord> result(String scenarioId, int version, String product, int year, String datasetVersion) {
        return QuarkusTransaction.requiringNew().call(() -> datasetVersion == null
                ? ResultRecord.<ResultRecord>find("scenarioId = ?1 and scenarioVersion = ?2 and product = ?3 and year = ?4"
                        + " order by seq desc", scenarioId, version, product, year).firstResultOptional()
                : ResultRecord.<ResultRecord>find("scenarioId = ?1 and scenarioVersion = ?2 and product = ?3 and year = ?4"
                        + " and datasetVersion = ?5", scenarioId, version, product, year, datasetVersion).firstResultOptional());
    }
}
