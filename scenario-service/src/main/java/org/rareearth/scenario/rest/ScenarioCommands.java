package org.rareearth.scenario.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.DocumentLimits;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.core.ScenarioDocuments.Validated;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;

/**
 * What an analyst can do to a scenario: each change is validated against the latest data-set
 * version and the service's limits (name length, document size), stored as a new version in its own
 * transaction, then published and acknowledged by the broker before the call answers. Nothing that
 * breaks a limit is stored.
 */
@ApplicationScoped
public class ScenarioCommands {

    @Inject
    CatalogueStore catalogue;

    @Inject
    ScenarioStore scenarios;

    @Inject
    ScenarioRequestPublisher publisher;

    @Inject
    ScenarioConfig config;

    public StoredRequest create(String document) {
        Validated validated = ScenarioDocuments.validate(document, latest().context(), limits());
        StoredRequest stored = scenarios.create(UUID.randomUUID().toString(), validated);
        publisher.publish(stored);
        return stored;
    }

    public StoredRequest appendEvent(String id, String event) {
        if (scenarios.find(id).isEmpty()) {
            // an unknown id is a 404 even before any data arrived
            throw new ScenarioNotFoundException(id);
        }
        Catalogue data = latest();
        StoredRequest stored = scenarios.append(id, previous -> ScenarioDocuments.append(previous, event, data.context(),
                limits()));
        publisher.publish(stored);
        return stored;
    }

    /** Archives a scenario; archiving twice publishes once. */
    public void archive(String id) {
        Optional<StoredRequest> request = scenarios.archive(id);
        request.ifPresent(publisher::publish);
    }

    public DocumentLimits limits() {
        return new DocumentLimits(config.maxDocumentBytes(), config.maxNameLength());
    }

    private Catalogue latest() {
        return catalogue.latest().orElseThrow(NoTradeDataException::new);
    }
}
