package org.rareearth.scenario.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.TestData;
import org.rareearth.scenario.TestKafka;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.persistence.CatalogueStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.ScenarioVersionEntity;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.stack.LocalStackResource;

/** A version stored while the broker was unreachable is published by the start-up re-send. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class UnpublishedRequestsTest {

    @Inject
    ScenarioStore scenarios;

    @Inject
    CatalogueStore catalogue;

    @Inject
    UnpublishedRequests unpublished;

    @Test
    void aStoredButUnacknowledgedVersionIsReSentAndMarkedPublished() {
        TestData.ensureCatalogue();
        String id = "unpublished-" + UUID.randomUUID();
        var validated = ScenarioDocuments.validate(TestData.document("unpublished"), catalogue.current().orElseThrow().context());
        scenarios.create(id, validated); // stored, as if the broker had not answered
        assertThat(published(id)).isFalse();

        unpublished.resend();

        var record = TestKafka.awaitRecord(Topics.SCENARIO_REQUESTS, r -> id.equals(r.key()));
        ScenarioRequestEvent event = EventCodec.decode(record.value(), ScenarioRequestEvent.class);
        assertThat(event.scenarioVersion()).isEqualTo(1);
        assertThat(published(id)).isTrue();
        assertThat(scenarios.unpublished()).noneMatch(r -> r.scenarioId().equals(id));
    }

    private static boolean published(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ScenarioVersionEntity.of(id, 1).published);
    }
}
