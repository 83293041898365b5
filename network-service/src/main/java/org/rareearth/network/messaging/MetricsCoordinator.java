package org.rareearth.network.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.rareearth.kit.locks.LockKey;
import org.rareearth.kit.locks.ReplicaLocks;
import org.rareearth.network.persistence.MetricsRecord;
import org.rareearth.network.persistence.MetricsStore;
import org.rareearth.network.run.MetricsComputation;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * Answers every input exactly once (publish-then-mark, docs/events.md): the metrics key of the
 * answer is known before computing; a key already stored and published is skipped (a redelivered
 * input changes nothing and sends nothing), a key stored but not published is re-sent, a new key is
 * computed, stored unpublished, sent, and marked published after the broker's ack. The consumer
 * acknowledges the input only after that.
 *
 * <p>Several replicas share the input topics' partitions (one consumer group) and one database; a
 * message redelivered after a rebalance can reach a second replica while the first still works on
 * it. So each key is answered under its {@link ReplicaLocks} lock (a PostgreSQL advisory lock held
 * while the key is checked, computed, stored, published and marked): the replica that asks second
 * waits, then finds it published. Unpublished rows are re-sent only under their key's lock, and
 * {@link #republishPending()} skips a key whose lock another replica holds (it is sending it); a
 * dead replica's locks go with its database session, so what it left unpublished is re-sent by the
 * next replica that looks. In one replica both consumers also go through one in-process lock.
 */
@ApplicationScoped
public class MetricsCoordinator {

    private static final Logger LOG = Logger.getLogger(MetricsCoordinator.class);

    /** The advisory-lock namespace of metrics keys (the services share one database: it names the service). */
    private static final String LOCKS = "network-service.metrics";

    @Inject
    MetricsStore store;

    @Inject
    ReplicaLocks locks;

    @Inject
    MetricsPublisher publisher;

    @Inject
    MetricsComputation computation;

    private final ReentrantLock lock = new ReentrantLock();
    private final Timer observedTimer;
    private final Timer simulatedTimer;

    @Inject
    public MetricsCoordinator(MeterRegistry registry) {
        this.observedTimer = timer(registry, NetworkMetricsEvent.SOURCE_OBSERVED);
        this.simulatedTimer = timer(registry, NetworkMetricsEvent.SOURCE_SIMULATED);
    }

    private static Timer timer(MeterRegistry registry, String source) {
        return Timer.builder("network.metrics.computation")
                .description("Time to build, analyse (and for simulated networks compare) the networks of one input event")
                .tag("source", source)
                .register(registry);
    }

    public void onBaseline(TradeBaselineEvent baseline) {
        answer(MetricsComputation.observedKey(baseline), () -> observedTimer.record(() -> computation.observed(baseline)));
    }

    public void onResult(SimulationResultEvent result) {
        answer(MetricsComputation.simulatedKey(result), () -> simulatedTimer.record(() -> computation.simulated(result)));
    }

    private void answer(String metricsKey, Supplier<NetworkMetricsEvent> compute) {
        lock.lock();
        try {
            republishPending();
            locks.holding(lockOf(metricsKey), () -> {
                Optional<MetricsRecord> row = store.find(metricsKey);
                if (row.isEmpty()) {
                    NetworkMetricsEvent event = compute.get();
                    store.store(event);
                    row = store.find(metricsKey);
                    LOG.infof("metrics %s: %s%s", metricsKey, event.status(),
                            event.error() == null ? "" : " (" + event.error() + ")");
                } else if (row.get().published) {
                    LOG.debugf("metrics %s already published: redelivery ignored", metricsKey);
                    return;
                }
                row.filter(r -> !r.published).ifPresent(publisher::publish);
            });
        } finally {
            lock.unlock();
        }
    }

    /** Held while a metrics key is checked, computed, stored, published and marked (one network.metrics event). */
    public static LockKey lockOf(String metricsKey) {
        return LockKey.of(LOCKS, metricsKey);
    }

    /**
     * Metrics stored earlier whose publication was interrupted (a crash, a broker outage, a replica
     * that died): send them now, each under its key's lock. A key whose lock another replica holds
     * is being answered there: left to it.
     */
    private void republishPending() {
        for (MetricsRecord pending : store.unpublished()) {
            boolean free = locks.tryHolding(lockOf(pending.metricsKey), () -> store.find(pending.metricsKey)
                    .filter(r -> !r.published).ifPresent(publisher::publish));
            if (!free) {
                LOG.debugf("metrics %s is being answered by another replica: left to it", pending.metricsKey);
            }
        }
    }
}
