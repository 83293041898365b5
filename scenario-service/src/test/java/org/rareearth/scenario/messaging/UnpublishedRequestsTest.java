package org.rareearth.scenario.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.TestData;
import org.rareearth.stack.KafkaTestClient;
import org.rareearth.scenario.core.DocumentLimits;
import org.rareearth.shared.auth.Roles;
import org.rareearth.scenario.core.Caller;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.ScenarioVersionEntity;
import org.rareearth.scenario.persistence.StoredRequest;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

/**
 * A version stored while the broker was unreachable is published by the re-send; one Kafka refuses
 * for good is counted once and then left alone.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class UnpublishedRequestsTest {

    private static final Caller AUTHOR = new Caller("resend-author", "resend-team", Set.of(Roles.ANALYST));

    /** Large enough for a document over the producer's max.request.size (4 MiB), as an older release could store. */
    private static final DocumentLimits NO_LIMIT = new DocumentLimits(16 << 20, 200);

    @Inject
    ScenarioStore scenarios;

    @Inject
    CatalogueStore catalogue;

    @Inject
    UnpublishedRequests unpublished;

    @Inject
    ScenarioRequestPublisher publisher;

    @Inject
    MeterRegistry registry;

    @Test
    void aStoredButUnacknowledgedVersionIsReSentAndMarkedPublished() {
        TestData.ensureCatalogue();
        String id = "unpublished-" + UUID.randomUUID();
        var validated = ScenarioDocuments.validate(TestData.document("unpublished"),
                catalogue.current().orElseThrow().context(), NO_LIMIT);
        scenarios.create(id, validated, AUTHOR); // stored, as if the broker had not answered
        assertThat(published(id)).isFalse();

        unpublished.resend(Instant.now());

        var record = KafkaTestClient.awaitRecord(Topics.SCENARIO_REQUESTS.name(), r -> id.equals(r.key()));
        ScenarioRequestEvent event = EventCodec.decode(record.value(), ScenarioRequestEvent.class);
        assertThat(event.scenarioVersion()).isEqualTo(1);
        assertThat(event.requestedBy()).as("the re-sent request keeps its author").isEqualTo(AUTHOR.subject());
        assertThat(published(id)).isTrue();
        assertThat(scenarios.unpublished()).noneMatch(r -> r.scenarioId().equals(id));
    }

    @Test
    void aRequestKafkaRefusesAsTooLargeIsCountedOnceAndNotReSentAgainUntilTheNextStart() {
        TestData.ensureCatalogue();
        String id = "refused-" + UUID.randomUUID();
        // 5 MB of groups: stored, as a release without the document limit did, but over max.request.size
        String big = TestData.paddedDocument("refused", "G", 5_000_000);
        StoredRequest stored = scenarios.create(id, ScenarioDocuments.validate(big,
                catalogue.current().orElseThrow().context(), NO_LIMIT), AUTHOR);
        double before = refusedCount();

        unpublished.resend(Instant.now());
        assertThat(publisher.wasRefused(stored)).isTrue();
        assertThat(refusedCount()).isEqualTo(before + 1);

        unpublished.resend(Instant.now());
        assertThat(refusedCount()).as("not sent again").isEqualTo(before + 1);
        assertThat(published(id)).isFalse();
    }

    private double refusedCount() {
        var counter = registry.find("rareearth.scenario.requests.published").tag("outcome", "refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean published(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioVersionEntity.of(id, 1).published);
    }
}
