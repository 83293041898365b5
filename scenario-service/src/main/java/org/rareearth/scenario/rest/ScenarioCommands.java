package org.rareearth.scenario.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.core.ScenarioDocuments.Validated;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.StoredRequest;

/**
 * What an analyst can do to a scenario: each change is validated against the latest data-set
 * version, stored as a new version in its own transaction, then published and acknowledged by the
 * broker before the call answers.
 */
@ApplicationScoped
public class ScenarioCommands {

    @Inject
    CatalogueStore catalogue;

    @Inject
    ScenarioStore scenarios;

    @Inject
    ScenarioRequestPublisher publisher;

    public StoredRequest create(String document) {
        Validated validated = ScenarioDocuments.validate(document, latest().context());
        StoredRequest stored = scenarios.create(UUID.randomUUID().toString(), validated);
        publisher.publish(stored);
        return stored;
    }

    public StoredRequest appendEvent(String id, String event) {
        if (scenarios.find(id).isEmpty()) {
            // an unknown id is a 404 even before any data arrived
            throw new org.rareearth.scenario.core.ScenarioNotFoundException(id);
        }
        Catalogue data = latest();
        StoredRequest stored = scenarios.append(id, previous -> ScenarioDocuments.append(previous, event, data.context()));
        publisher.publish(stored);
        return stored;
    }

    /** Archives a scenario; archiving twice publishes once. */
    public void archive(String id) {
        Optional<StoredRequest> request = scenarios.archive(id);
        request.ifPresent(publisher::publish);
    }

    private Catalogue latest() {
        return catalogue.latest().orElseThrow(NoTradeDataException::new);
    }
}
