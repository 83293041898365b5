package org.rareearth.network.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
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
 * acknowledges the input only after that. Both consumers go through one lock, so the same key is
 * never computed twice in this instance (across instances the key is unique in the table).
 */
@ApplicationScoped
public class MetricsCoordinator {

    private static final Logger LOG = Logger.getLogger(MetricsCoordinator.class);

    @Inject
    MetricsStore store;

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
        } finally {
            lock.unlock();
        }
    }

    /** Metrics stored earlier whose publication was interrupted (a crash, a broker outage): send them now. */
    private void republishPending() {
        store.unpublished().forEach(publisher::publish);
    }
}
