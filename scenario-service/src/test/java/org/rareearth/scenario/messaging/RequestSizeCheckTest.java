package org.rareearth.scenario.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.scenario.core.DocumentLimits;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.ScenarioRequestEvent;

/** The largest document the REST edge accepts always makes a record the producer sends. */
class RequestSizeCheckTest {

    private static final Catalogue DATA = new Catalogue("v1", List.of(2023), List.of("850511"), List.of("CHN"), null);

    @Test
    void escapingAtMostDoublesACanonicalDocumentInsideTheEvent() {
        // quotes and backslashes in a name gain a backslash twice (canonical JSON, then the event's string);
        // non-ASCII text and the pretty-printing are the other characters that could grow
        String worst = "\\\"\\\\\u00e9\u4e2d\ud83d\ude00".repeat(4_000);
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            groups.append(i == 0 ? "" : ", ").append('"').append(i).append(worst).append("\": [\"USA\"]");
        }
        String document = """
                {"name": "w", "baseYear": 2023, "groups": {%s},
                 "events": [{"type": "TARIFF", "importers": ["USA"], "rate": 0.1}]}""".formatted(groups);
        String canonical = ScenarioDocuments.validate(document, DATA.context(), new DocumentLimits(1 << 22, 200)).document();
        String event = EventCodec.encode(new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION,
                "0123456789abcdef0123456789abcdef0123", Integer.MAX_VALUE, true, canonical,
                "2026-12-31T23:59:59.999999999Z"));
        int canonicalBytes = canonical.getBytes(UTF_8).length;
        assertThat((long) event.getBytes(UTF_8).length).isLessThanOrEqualTo(RequestSizeCheck.largestRecord(canonicalBytes));
        assertThat(event.getBytes(UTF_8).length).as("the document grew inside the event").isGreaterThan(canonicalBytes);
    }

    @Test
    void aDocumentLimitTheProducerCannotCarryStopsTheStart() {
        assertThatNoException().isThrownBy(() -> RequestSizeCheck.check(1_048_576, 4_194_304));
        assertThatThrownBy(() -> RequestSizeCheck.check(1_048_576, 1_048_576))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rareearth.scenario.max-document-bytes=1048576")
                .hasMessageContaining("mp.messaging.outgoing.scenario-requests.max.request.size=1048576");
    }
}
