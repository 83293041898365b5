package org.rareearth.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static TradeBaselineEvent baseline() {
        return new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, "sha256:ab12", 2023, "850511",
                List.of(2022, 2023), List.of("850511"), "reconstructed demo data",
                List.of(new TradeBaselineEvent.Flow("CHN", "USA", 120.5, 3.0), new TradeBaselineEvent.Flow("JPN", "USA", 10, null)),
                List.of(new TradeBaselineEvent.Tariff("USA", "CHN", 0.021)));
    }

    @Test
    void everyEventSurvivesARoundTrip() {
        TradeBaselineEvent b = baseline();
        assertThat(EventCodec.decode(EventCodec.encode(b), TradeBaselineEvent.class)).isEqualTo(b);

        ScenarioRequestEvent r = new ScenarioRequestEvent(1, "s-1", 3, false, "{\"name\":\"x\"}", "2026-11-22T08:00:00Z");
        assertThat(EventCodec.decode(EventCodec.encode(r), ScenarioRequestEvent.class)).isEqualTo(r);

        SimulationResultEvent.Solution solution = new SimulationResultEvent.Solution("x", "nonlinear", true, 3, 1e-12,
                Map.of("CHN", 0.98), Map.of("USA", 1.01), List.of(new SimulationResultEvent.FlowValue("CHN", "USA", 120.5, 100.0)),
                Map.of("USA", new SimulationResultEvent.Welfare(1.0, -2.0, 3.0, 0.0, 0.0, 2.0)),
                Map.of("USA", 4.0), Map.of("USA", -0.5), Map.of("CHN", 2.0), List.of("events[0] TARIFF"), List.of());
        SimulationResultEvent s = new SimulationResultEvent(1, "s-1", 3, "sha256:ab12", "850511", 2025, 2023, 2030,
                ComputationStatus.OK, null, "notice", solution, solution);
        assertThat(EventCodec.decode(EventCodec.encode(s), SimulationResultEvent.class)).isEqualTo(s);

        NetworkMetricsEvent m = new NetworkMetricsEvent(1, "observed", null, "sha256:ab12", "850511", 2023, "observed",
                ComputationStatus.OK, null, "notice", 0.0,
                new NetworkMetricsEvent.Indicators(3, 2, 0.33, 0.0, 0.0, 1.0, 1, 1.0, 0.5, 0.5, 0.9, 1.0, 1, 0.0, 1.0),
                Map.of(), null, null);
        assertThat(EventCodec.decode(EventCodec.encode(m), NetworkMetricsEvent.class)).isEqualTo(m);
    }

    @Test
    void poisonMessagesAreRefusedWithAReason() {
        assertThatThrownBy(() -> EventCodec.decode("not json {", TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventCodec.decode("", TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("empty message");
        assertThatThrownBy(() -> EventCodec.decode("[1,2]", TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventCodec.decode("{\"datasetVersion\":\"v\"}", TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("missing schemaVersion");
        String future = EventCodec.encode(baseline()).replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        assertThatThrownBy(() -> EventCodec.decode(future, TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("unsupported schemaVersion 9");
        String badCountry = EventCodec.encode(baseline()).replace("\"JPN\"", "\"Japan\"");
        assertThatThrownBy(() -> EventCodec.decode(badCountry, TradeBaselineEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'Japan' is not an ISO3 country code");
        assertThatThrownBy(() -> EventCodec.decode("{\"schemaVersion\":1,\"scenarioVersion\":1,\"archived\":false}",
                ScenarioRequestEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("scenarioId");
        assertThatThrownBy(() -> EventCodec.decode("{\"schemaVersion\":1,\"scenarioId\":\"s\",\"scenarioVersion\":1}",
                ScenarioRequestEvent.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("archived").hasMessageNotContaining("DeserializationConfig");
    }

    @Test
    void baselineKeysAndTariffLookups() {
        TradeBaselineEvent b = baseline();
        assertThat(b.key()).isEqualTo("sha256:ab12:2023:850511");
        assertThat(b.tariff("CHN", "USA")).isEqualTo(0.021);
        assertThat(b.tariff("JPN", "USA")).isZero();
        assertThat(b.matrix().countries()).containsExactly("CHN", "JPN", "USA");
        assertThat(b.tradeFlows().get(1).quantity()).isNaN();
    }

    /** Audit trail (issue 10): requestedBy is optional within schema version 1, in both directions. */
    @Test
    void requestedByIsAnOptionalFieldOfScenarioRequestsAndResults() {
        ScenarioRequestEvent request = new ScenarioRequestEvent(ScenarioRequestEvent.SCHEMA_VERSION, "s1", 2, false,
                "{}", "2026-01-01T00:00:00Z", "ana");
        assertThat(EventCodec.decode(EventCodec.encode(request), ScenarioRequestEvent.class)).isEqualTo(request);
        // a producer from before the field: read, with no requester
        String old = """
                {"schemaVersion":1,"scenarioId":"s1","scenarioVersion":2,"archived":false,"document":"{}",
                 "requestedAt":"2026-01-01T00:00:00Z"}""";
        assertThat(EventCodec.decode(old, ScenarioRequestEvent.class).requestedBy()).isNull();

        SimulationResultEvent failed = new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, "s1", 2, "ds",
                "850511", 2023, 2023, 2024, ComputationStatus.FAILED, "no data", "notice", null, null).withRequestedBy("ana");
        SimulationResultEvent read = EventCodec.decode(EventCodec.encode(failed), SimulationResultEvent.class);
        assertThat(read.requestedBy()).isEqualTo("ana");
        assertThat(read).isEqualTo(failed);
    }
}
