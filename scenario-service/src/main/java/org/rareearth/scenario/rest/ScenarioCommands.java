package org.rareearth.scenario.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rareearth.scenario.config.ScenarioConfig;
import org.rareearth.shared.auth.Roles;
import org.rareearth.scenario.core.Caller;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.DocumentLimits;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.Ownership;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.core.ScenarioDocuments.Validated;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.ScenarioView;
import org.rareearth.scenario.persistence.StoredRequest;
import org.rareearth.shared.scenario.PinnedDataset;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioProblem;

/**
 * What an analyst can do to a scenario: each change is validated against the data-set version
 * its document pins, else the current one, and against the service's limits (name length,
 * document size), stored as a new version in its own transaction, then published and acknowledged
 * by the broker before the call answers. Nothing that breaks a limit is stored. A change to an existing
 * scenario is for an analyst of its team only ({@link Ownership}); every version records who made it.
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

    /** The ownership rules with this system's role names. */
    public static final Ownership OWNERSHIP = new Ownership(Roles.VIEWER, Roles.OPERATOR);

    public StoredRequest create(String document, Caller creator) {
        Validated validated = ScenarioDocuments.validate(document, dataFor(document).context(), limits());
        StoredRequest stored = scenarios.create(UUID.randomUUID().toString(), validated, creator);
        publisher.publish(stored);
        return stored;
    }

    public StoredRequest appendEvent(String id, String event, Caller author) {
        // an unknown id is a 404 even before any data arrived; the owning team never changes, so the
        // check need not be repeated under the lock
        ScenarioView scenario = owned(id, author, "append policy events to it");
        // an event cannot change the pin: the data are those of the document it is appended to
        Catalogue data = dataFor(scenario.document());
        StoredRequest stored = scenarios.append(id, author, previous -> ScenarioDocuments.append(previous, event,
                data.context(), limits()));
        publisher.publish(stored);
        return stored;
    }

    /** Archives a scenario; archiving twice publishes once. */
    public void archive(String id, Caller caller) {
        owned(id, caller, "archive it");
        Optional<StoredRequest> request = scenarios.archive(id);
        request.ifPresent(publisher::publish);
    }

    /** Shares the scenario with the other teams' analysts (read-only), or stops sharing it. */
    public void share(String id, boolean shared, Caller caller) {
        owned(id, caller, "share it");
        scenarios.share(id, shared);
    }

    /** The scenario, when the caller may read it. */
    public ScenarioView readable(String id, Caller caller) {
        ScenarioView s = scenarios.find(id).orElseThrow(() -> new ScenarioNotFoundException(id));
        OWNERSHIP.checkRead(caller, id, s.ownerTeam(), s.shared());
        return s;
    }

    private ScenarioView owned(String id, Caller caller, String what) {
        ScenarioView s = scenarios.find(id).orElseThrow(() -> new ScenarioNotFoundException(id));
        OWNERSHIP.checkChange(caller, id, s.ownerTeam(), what);
        return s;
    }

    public DocumentLimits limits() {
        return new DocumentLimits(config.maxDocumentBytes(), config.maxNameLength());
    }

    /**
     * What a document is validated against: the data-set version it pins (which must be known here),
     * else the current one.
     */
    private Catalogue dataFor(String document) {
        Optional<String> pin = PinnedDataset.of(document);
        if (pin.isPresent()) {
            return catalogue.of(pin.get()).orElseThrow(() -> new ScenarioException(List.of(new ScenarioProblem(
                    PinnedDataset.FIELD, "unknown data-set version " + pin.get()
                            + ": pin one that ingest-service has published (GET /datasets on ingest-service)"))));
        }
        return catalogue.current().orElseThrow(NoTradeDataException::new);
    }
}
