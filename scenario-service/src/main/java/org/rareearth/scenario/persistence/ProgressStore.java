package org.rareearth.scenario.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.ExpectedWork;
import org.rareearth.scenario.core.ProgressRules;
import org.rareearth.scenario.core.ProgressRules.Outcome;
import org.rareearth.scenario.core.ProgressRules.Progress;
import org.rareearth.scenario.core.ProgressRules.Source;
import org.rareearth.scenario.core.WorkCell;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.scenario.PinnedDataset;

/**
 * Applies simulation results and network metrics to the read model and to the status of their
 * scenario version. Each event is stored under its natural key (so a redelivery changes nothing)
 * while its version's row is locked, then the status is derived again from everything stored
 * ({@link ProgressRules}); results and metrics arrive on two consumers, the lock keeps them from
 * overwriting each other's status.
 */
@ApplicationScoped
public class ProgressStore {

    private static final Logger LOG = Logger.getLogger(ProgressStore.class);

    @Inject
    CatalogueStore catalogue;

    @Transactional
    public Recorded record(SimulationResultEvent e) {
        ScenarioVersionEntity version = versionOf(e.scenarioId(), e.scenarioVersion(), e.resultKey());
        if (version == null) {
            return Recorded.IGNORED;
        }
        if (SimulationResultRow.findById(e.resultKey()) != null) {
            return Recorded.DUPLICATE;
        }
        SimulationResultRow row = new SimulationResultRow();
        row.resultKey = e.resultKey();
        row.cell(e.scenarioId(), e.scenarioVersion(), e.datasetVersion(), e.product(), e.year(), e.status(), e.error(),
                e.dataNotice());
        if (e.scenario() != null) {
            row.worldPrices = Json.write(e.scenario().worldPrices());
            row.compositePrices = Json.write(e.scenario().compositePrices());
            row.flows = Json.write(e.scenario().flows());
            row.welfare = Json.write(e.scenario().welfare());
        }
        row.persist();
        recompute(version);
        return Recorded.STORED;
    }

    @Transactional
    public Recorded record(NetworkMetricsEvent e) {
        if (Topics.OBSERVED.equals(e.scenarioId()) || e.scenarioVersion() == null) {
            return Recorded.IGNORED;
        }
        ScenarioVersionEntity version = versionOf(e.scenarioId(), e.scenarioVersion(), e.metricsKey());
        if (version == null) {
            return Recorded.IGNORED;
        }
        if (NetworkMetricsRow.findById(e.metricsKey()) != null) {
            return Recorded.DUPLICATE;
        }
        NetworkMetricsRow row = new NetworkMetricsRow();
        row.metricsKey = e.metricsKey();
        row.cell(e.scenarioId(), e.scenarioVersion(), e.datasetVersion(), e.product(), e.year(), e.status(), e.error(),
                e.dataNotice());
        row.indicators = Json.write(e.indicators());
        row.brokerage = Json.write(e.brokerage());
        row.comparison = Json.write(e.comparison());
        row.persist();
        recompute(version);
        return Recorded.STORED;
    }

    private ScenarioVersionEntity versionOf(String scenarioId, int version, String key) {
        ScenarioVersionEntity v = ScenarioVersionEntity.lockedOf(scenarioId, version);
        if (v == null) {
            // another deployment's scenario, or one whose rows were removed: not ours to track
            LOG.debugf("ignoring %s: scenario %s has no version %d here", key, scenarioId, version);
        }
        return v;
    }

    /** Derives the version's status again from every stored result and metrics event of it. */
    void recompute(ScenarioVersionEntity version) {
        List<Timed> timed = new ArrayList<>();
        for (SimulationResultRow r : SimulationResultRow.ofVersion(version.scenarioId, version.version)) {
            timed.add(new Timed(r.receivedAt, new Outcome(Source.SIMULATION_RESULT, r.datasetVersion, r.product, r.year,
                    ComputationStatus.FAILED.name().equals(r.status), r.error)));
        }
        for (NetworkMetricsRow r : NetworkMetricsRow.ofVersion(version.scenarioId, version.version)) {
            timed.add(new Timed(r.receivedAt, new Outcome(Source.NETWORK_METRICS, r.datasetVersion, r.product, r.year,
                    ComputationStatus.FAILED.name().equals(r.status), r.error)));
        }
        timed.sort(Comparator.comparing(Timed::at));
        Progress progress = ProgressRules.evaluate(timed.stream().map(Timed::outcome).toList(),
                expectedFor(version), followedDataset(version));
        apply(version, progress);
    }

    /** The data-set version a scenario version is solved on: the one its document pins, else the current one. */
    String followedDataset(ScenarioVersionEntity version) {
        return PinnedDataset.of(version.document)
                .or(() -> catalogue.current().map(Catalogue::datasetVersion)).orElse(null);
    }

    /**
     * The current data set moved: the status of every scenario's current version is derived again
     * (it follows the new data set from now on; a pinned one does not change).
     */
    @Transactional
    public int recomputeCurrentVersions() {
        int n = 0;
        for (ScenarioEntity s : ScenarioEntity.<ScenarioEntity>listAll()) {
            ScenarioVersionEntity v = ScenarioVersionEntity.lockedOf(s.id, s.currentVersion);
            if (v != null) {
                recompute(v);
                n++;
            }
        }
        return n;
    }

    /** Expected cells on a data-set version: its own products when the catalogue knows it, else the current one's. */
    Function<String, Set<WorkCell>> expectedFor(ScenarioVersionEntity version) {
        List<String> scenarioProducts = Json.strings(version.products);
        return datasetVersion -> {
            Optional<Catalogue> data = datasetVersion == null ? Optional.empty() : catalogue.of(datasetVersion);
            List<String> dataProducts = data.or(catalogue::current).map(Catalogue::products).orElse(List.of());
            return ExpectedWork.cells(scenarioProducts, version.baseYear, version.horizon, dataProducts);
        };
    }

    static void apply(ScenarioVersionEntity version, Progress progress) {
        version.status = progress.status().name();
        version.reason = progress.reason();
        version.datasetVersion = progress.datasetVersion();
        version.expected = progress.expected();
        version.received = progress.received();
    }

    private record Timed(Instant at, Outcome outcome) {
    }
}
