package org.rareearth.simulation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.rareearth.kit.inbound.ServiceStoppingException;
import org.rareearth.kit.locks.LockKey;
import org.rareearth.kit.locks.ReplicaLocks;
import org.rareearth.simulation.config.ShutdownConfig;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.scenario.PinnedDataset;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.ResultUnit;
import org.rareearth.simulation.persistence.ScenarioRequestRecord;
import org.rareearth.simulation.persistence.SimulationStore;
import org.rareearth.simulation.run.DatasetCatalogue;
import org.rareearth.simulation.run.ScenarioComputation;

/**
 * Decides what to solve when a request or a baseline arrives, and answers each computation unit
 * (scenario version, data-set version, product) exactly once:
 * <ul>
 *   <li>A scenario version is solved on the data-set version its document pins, else on the current
 *       one ({@code dataset.current}), for each of its products whose base-year baseline is stored
 *       (the others are solved when their baseline arrives). Older versions than the one stored are
 *       ignored; an archived scenario is not solved.</li>
 *   <li>A baseline re-solves every active scenario solved on its data-set version whose base year is
 *       the baseline's year and that covers its product. When it completes the version (every year
 *       and product stored), products without a base-year baseline are answered FAILED. Baselines of
 *       a version that is neither current nor pinned are only kept.</li>
 *   <li>A new current version re-solves every active scenario that pins none.</li>
 *   <li>A unit with stored results is not computed again: its unpublished results are re-sent,
 *       published ones are skipped (publish-then-mark, docs/events.md).</li>
 * </ul>
 *
 * <p><b>Several replicas</b> share the input topics' partitions (one consumer group) and one
 * database, so two of them can be asked for the same unit at once (a request on one while a new
 * data set re-solves everything on another, or a message redelivered after a rebalance). Two
 * {@link ReplicaLocks} make that safe:
 * <ul>
 *   <li>the <b>decision lock</b> (one for the service) is held while an input is stored and what it
 *       triggers is read (the current data set, the active requests, the catalogue): a request and a
 *       new pointer handled at once by two replicas then see each other, so neither misses the
 *       other's work. It is held for milliseconds, never while solving;</li>
 *   <li>a <b>unit lock</b> is held while a unit is checked, computed, stored, published and marked:
 *       the first replica answers it, one that asks meanwhile waits and then finds it published.
 *       Unpublished results are re-sent only under their unit's lock, and
 *       {@link #republishPending()} skips a unit whose lock is held (another replica is sending it);
 *       a dead replica's lock goes with its database session, so its unpublished results are
 *       re-sent by the next replica that looks.</li>
 * </ul>
 * In one replica the three consumers also go through one in-process lock (one input at a time),
 * which keeps shutdown simple.
 *
 * <p>Shutdown stops handling at a safe point (before a computation or a send) and waits for the
 * send in flight to be acknowledged and marked, so that a restart neither loses nor repeats a
 * result: the message being handled is not acknowledged and is read again after the restart.
 */
@ApplicationScoped
public class SimulationCoordinator {

    private static final Logger LOG = Logger.getLogger(SimulationCoordinator.class);

    /** The decision lock: one for the service, held while an input is stored and what it triggers is read. */
    public static final LockKey DECISIONS = LockKey.of("simulation-service.decisions");

    @Inject
    SimulationStore store;

    @Inject
    ReplicaLocks locks;

    @Inject
    ResultPublisher publisher;

    @Inject
    ScenarioComputation computation;

    @Inject
    ShutdownConfig shutdown;

    private final ReentrantLock lock = new ReentrantLock();
    private final Timer timer;
    private volatile boolean stopping;

    /** A request to solve on a data-set version; with a trigger, only the unit that baseline makes possible. */
    private record Work(ScenarioRequestEvent request, DatasetCatalogue dataset, TradeBaselineEvent trigger) {
    }

    @Inject
    public SimulationCoordinator(MeterRegistry registry) {
        this.timer = Timer.builder("simulation.computation")
                .description("Time to solve one scenario on one product (scenario and baseline paths)")
                .register(registry);
    }

    /** Lets the handling in progress reach its next safe point (its send acknowledged and marked). */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        Duration shutdownWait = shutdown.waitFor();
        if (lock.tryLock(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
            lock.unlock();
        } else {
            LOG.warnf("handling still running after %s: stopping anyway (its message is read again)", shutdownWait);
        }
    }

    public void onRequest(ScenarioRequestEvent request) {
        lock.lock();
        try {
            republishPending();
            Optional<Work> work = locks.holding(DECISIONS, () -> decideRequest(request));
            work.ifPresent(this::solve);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Work> decideRequest(ScenarioRequestEvent request) {
        if (!store.storeRequest(request)) {
            LOG.infof("scenario %s version %d: older than the stored version, ignored", request.scenarioId(),
                    request.scenarioVersion());
            return Optional.empty();
        }
        if (request.archived()) {
            LOG.infof("scenario %s archived at version %d: no longer solved", request.scenarioId(),
                    request.scenarioVersion());
            return Optional.empty();
        }
        Optional<String> target = targetVersion(request);
        Optional<DatasetCatalogue> dataset = target.flatMap(store::catalogue);
        if (dataset.isEmpty()) {
            LOG.infof("scenario %s version %d: %s, solved when its baselines arrive", request.scenarioId(),
                    request.scenarioVersion(), target.map(v -> "data set " + v + " not received yet")
                            .orElse("no data set yet"));
            return Optional.empty();
        }
        return Optional.of(new Work(request, dataset.get(), null));
    }

    public void onBaseline(TradeBaselineEvent baseline, String json) {
        lock.lock();
        try {
            republishPending();
            List<Work> work = locks.holding(DECISIONS, () -> {
                store.storeBaseline(baseline, json);
                DatasetCatalogue dataset = DatasetCatalogue.of(baseline);
                boolean complete = store.baselineCount(dataset.version()) >= dataset.expectedBaselines();
                List<Work> triggered = new ArrayList<>();
                for (ScenarioRequestRecord r : store.activeRequests()) {
                    ScenarioRequestEvent request = toEvent(r);
                    // a version that is neither current nor pinned is kept, but solves nothing
                    if (targetVersion(request).filter(dataset.version()::equals).isPresent()) {
                        triggered.add(new Work(request, dataset, complete ? null : baseline));
                    }
                }
                return triggered;
            });
            work.forEach(this::solve);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new current data-set version: every active scenario that pins none is solved on it
     * (units already computed on it are re-sent or skipped, not recomputed). Products whose
     * baselines have not arrived yet are solved when they do.
     */
    public void onCurrentDataset(CurrentDatasetEvent event) {
        lock.lock();
        try {
            republishPending();
            List<Work> work = locks.holding(DECISIONS, () -> {
                if (!store.storeCurrentDataset(event, EventCodec.encode(event))) {
                    LOG.infof("data-set pointer %d (%s) is not newer than the one stored: ignored", event.sequence(),
                            event.datasetVersion());
                    return List.<Work>of();
                }
                LOG.infof("current data set is now %s (activation %d, %s)", event.datasetVersion(), event.sequence(),
                        event.reason());
                Optional<DatasetCatalogue> dataset = store.catalogue(event.datasetVersion());
                if (dataset.isEmpty()) {
                    return List.<Work>of();
                }
                List<Work> triggered = new ArrayList<>();
                for (ScenarioRequestRecord r : store.activeRequests()) {
                    ScenarioRequestEvent request = toEvent(r);
                    if (PinnedDataset.of(request.document()).isEmpty()) {
                        triggered.add(new Work(request, dataset.get(), null));
                    }
                }
                return triggered;
            });
            work.forEach(this::solve);
        } finally {
            lock.unlock();
        }
    }

    /** The data set a request is solved on: the version its document pins, else the current one. */
    private Optional<String> targetVersion(ScenarioRequestEvent request) {
        return PinnedDataset.of(request.document()).or(store::currentDatasetVersion);
    }

    /**
     * Solves a request on a data-set version; with a trigger only the unit that baseline makes
     * possible (its product, when its year is the scenario's base year).
     */
    private void solve(Work work) {
        ScenarioRequestEvent request = work.request();
        DatasetCatalogue dataset = work.dataset();
        TradeBaselineEvent trigger = work.trigger();
        Scenario scenario;
        try {
            scenario = ScenarioComputation.readScenario(request.document(), dataset);
        } catch (ScenarioException e) {
            answer(request, dataset.version(), null,
                    () -> List.of(ScenarioComputation.invalidDocument(request, dataset, e)));
            return;
        }
        for (String product : ScenarioComputation.productsOf(scenario, dataset)) {
            if (trigger != null && !(trigger.product().equals(product) && trigger.year() == scenario.baseYear())) {
                continue;
            }
            answer(request, dataset.version(), product, () -> {
                Optional<TradeBaselineEvent> baseline = store.baseline(dataset.version(), scenario.baseYear(), product);
                if (baseline.isPresent()) {
                    return timer.record(() -> computation.compute(request.scenarioId(), request.scenarioVersion(),
                            scenario, baseline.get()));
                }
                if (store.baselineCount(dataset.version()) >= dataset.expectedBaselines()) {
                    return List.of(ScenarioComputation.missingBaseline(request.scenarioId(), request.scenarioVersion(),
                            scenario, dataset, product));
                }
                return List.of();
            });
        }
    }

    /**
     * Computes a unit unless its results are stored, then publishes what is not yet published; all
     * of it under the unit's lock, so no other replica computes or sends the same unit meanwhile.
     */
    private void answer(ScenarioRequestEvent request, String datasetVersion, String product,
                        Supplier<List<SimulationResultEvent>> compute) {
        checkRunning();
        ResultUnit unit = new ResultUnit(request.scenarioId(), request.scenarioVersion(), datasetVersion, product);
        locks.holding(unit.lockKey(), () -> {
            List<ResultRecord> rows = store.unit(unit);
            if (rows.isEmpty()) {
                // every result names who made the scenario version it answers (audit trail)
                List<SimulationResultEvent> events = compute.get().stream()
                        .map(e -> e.withRequestedBy(request.requestedBy())).toList();
                if (events.isEmpty()) {
                    return;
                }
                store.storeResults(events);
                rows = store.unit(unit);
                LOG.infof("scenario %s version %d, data set %s, product %s: %d result(s) %s", request.scenarioId(),
                        request.scenarioVersion(), datasetVersion, product, events.size(), events.get(0).status());
            }
            rows.stream().filter(r -> !r.published).forEach(this::publish);
        });
    }

    private void publish(ResultRecord row) {
        checkRunning();
        publisher.publish(row);
    }

    private void checkRunning() {
        if (stopping) {
            throw new ServiceStoppingException();
        }
    }

    /**
     * Results stored earlier whose publication was interrupted (a crash, a broker outage, a replica
     * that died): send them now, unit by unit under the unit's lock. A unit whose lock another
     * replica holds is being answered there: left to it.
     */
    private void republishPending() {
        for (ResultUnit unit : store.unpublishedUnits()) {
            boolean free = locks.tryHolding(unit.lockKey(),
                    () -> store.unit(unit).stream().filter(r -> !r.published).forEach(this::publish));
            if (!free) {
                LOG.debugf("unit %s is being answered by another replica: left to it", unit);
            }
        }
    }

    private static ScenarioRequestEvent toEvent(ScenarioRequestRecord r) {
        return new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, r.scenarioId, r.scenarioVersion, r.archived,
                r.document, r.requestedAt, r.requestedBy);
    }
}
