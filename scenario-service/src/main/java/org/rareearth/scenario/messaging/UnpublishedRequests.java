package org.rareearth.scenario.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;

/**
 * At start-up, re-sends scenario requests that were stored but never acknowledged (the broker was
 * down when the analyst posted), in the background so a missing broker does not block start-up.
 */
@ApplicationScoped
public class UnpublishedRequests {

    private static final Logger LOG = Logger.getLogger(UnpublishedRequests.class);

    @Inject
    ScenarioStore scenarios;

    @Inject
    ScenarioRequestPublisher publisher;

    @Inject
    ScenarioConfig config;

    void onStart(@Observes StartupEvent start) {
        if (config.resendOnStart()) {
            Infrastructure.getDefaultWorkerPool().execute(this::resend);
        }
    }

    public void resend() {
        try {
            for (StoredRequest request : scenarios.unpublished()) {
                try {
                    publisher.publish(request);
                    LOG.infof("re-sent scenario %s version %d%s", request.scenarioId(), request.version(),
                            request.archived() ? " (archiving)" : "");
                } catch (RuntimeException e) {
                    LOG.warnf("could not re-send scenario %s version %d: %s", request.scenarioId(), request.version(),
                            e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not look for unpublished scenario requests: %s", e.getMessage());
        }
    }
}
