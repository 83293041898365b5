package org.rareearth.network.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareearth.network.metrics.Brokerage;
import org.rareearth.network.metrics.CountryIndicators;
import org.rareearth.network.metrics.NetworkAnalysis;
import org.rareearth.network.metrics.NetworkAnalyzer;
import org.rareearth.network.metrics.NetworkIndicators;
import org.rareearth.network.model.TradeNetwork;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.events.Topics;

class MetricsComputationTest {

    private static final double EXACT = 0.0;

    private final MetricsComputation computation = new MetricsComputation(0.0);

    @Test
    void observedMetricsOfDemo2023Magnets_equalTheEngineDirectly() {
        TradeBaselineEvent baseline = DemoBaselines.event("demo-v1", 2023, "850511");
        NetworkMetricsEvent event = computation.observed(baseline);

        TradeNetwork network = TradeNetwork.build(baseline.matrix(), 0.0);
        NetworkAnalysis direct = new NetworkAnalyzer().analyze(network);
        NetworkIndicators n = direct.indicators();
        NetworkMetricsEvent.Indicators i = event.indicators();
        assertEquals(ComputationStatus.OK, event.status());
        assertEquals(n.nodes(), i.nodes());
        assertEquals(n.edges(), i.edges());
        assertEquals(n.density(), i.density(), EXACT);
        assertEquals(n.reciprocity(), i.reciprocity(), EXACT);
        assertEquals(n.avgClustering(), i.avgClustering(), EXACT);
        assertEquals(n.avgPathLength(), i.avgPathLength());
        assertEquals(n.diameter(), i.diameter());
        assertEquals(n.degreeCentralization(), i.degreeCentralization(), EXACT);
        assertEquals(n.exportHHI(), i.exportHHI(), EXACT);
        assertEquals(n.importHHI(), i.importHHI(), EXACT);
        assertEquals(n.cr1(), i.cr1(), EXACT);
        assertEquals(n.cr3(), i.cr3(), EXACT);
        assertEquals(n.communities(), i.communities());
        assertEquals(n.modularity(), i.modularity(), EXACT);
        assertEquals(n.intraCommunityShare(), i.intraCommunityShare(), EXACT);
        assertTrue(n.nodes() > 5, "the demo network of 850511 has many countries");

        assertEquals(direct.countries().keySet(), event.countries().keySet());
        direct.countries().forEach((iso3, c) -> assertCountry(iso3, c, event.countries().get(iso3)));

        Brokerage brokerage = Brokerage.between(network, "CHN", "USA");
        assertEquals(brokerage.direct(), event.brokerage().direct(), EXACT);
        assertEquals(brokerage.totalTwoStep(), event.brokerage().totalTwoStep(), EXACT);
        assertEquals(brokerage.brokers().size(), event.brokerage().brokers().size());
        for (int k = 0; k < brokerage.brokers().size(); k++) {
            assertEquals(brokerage.brokers().get(k).country(), event.brokerage().brokers().get(k).country());
            assertEquals(brokerage.brokers().get(k).share(), event.brokerage().brokers().get(k).share(), EXACT);
        }
    }

    private static void assertCountry(String iso3, CountryIndicators expected, NetworkMetricsEvent.CountryMetrics actual) {
        assertEquals(expected.inDegree(), actual.inDegree(), iso3);
        assertEquals(expected.outDegree(), actual.outDegree(), iso3);
        assertEquals(expected.inStrength(), actual.inStrength(), EXACT, iso3);
        assertEquals(expected.outStrength(), actual.outStrength(), EXACT, iso3);
        assertEquals(expected.pageRank(), actual.pageRank(), EXACT, iso3);
        assertEquals(expected.betweenness(), actual.betweenness(), EXACT, iso3);
        assertEquals(expected.supplierHHI(), actual.supplierHHI(), iso3);
        assertEquals(expected.largestSupplierShare(), actual.largestSupplierShare(), iso3);
        assertEquals(expected.community(), actual.community(), iso3);
    }

    @Test
    void observedEvent_isKeyedAsObservedWithoutComparison_andCarriesTheNotice() {
        TradeBaselineEvent baseline = DemoBaselines.event("demo-v1", 2022, "850511");
        NetworkMetricsEvent event = computation.observed(baseline);
        assertEquals(Topics.OBSERVED, event.scenarioId());
        assertNull(event.scenarioVersion());
        assertEquals("demo-v1", event.datasetVersion());
        assertEquals("850511", event.product());
        assertEquals(2022, event.year());
        assertEquals(NetworkMetricsEvent.SOURCE_OBSERVED, event.source());
        assertNull(event.comparison());
        assertNull(event.error());
        assertEquals(DemoBaselines.notice(), event.dataNotice());
        assertEquals(0.0, event.threshold(), EXACT);
        assertEquals(MetricsComputation.observedKey(baseline), event.metricsKey());
        // the event survives the codec unchanged (what the consumer of network.metrics reads)
        assertEquals(event, EventCodec.decode(EventCodec.encode(event), NetworkMetricsEvent.class));
    }

    @Test
    void identicalScenarioAndBaseline_giveNmiAndAriOne_andNoDivergence() {
        List<FlowValue> flows = flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80", "USA>DEU=20", "DEU>JPN=10",
                "MYS>JPN=40", "CHN>MYS=50");
        SimulationResultEvent result = result("s-same", flows, flows);
        NetworkMetricsEvent event = computation.simulated(result);
        assertEquals(ComputationStatus.OK, event.status());
        NetworkMetricsEvent.Comparison c = event.comparison();
        assertEquals(1.0, c.nmi(), 1e-12);
        assertEquals(1.0, c.ari(), 1e-12);
        assertEquals(0.0, c.jensenShannon(), 1e-12);
        assertEquals(1.0, c.edgeJaccard(), 1e-12);
        c.indicatorChanges().forEach((name, change) -> assertEquals(0.0, change, 1e-12, name));
        assertEquals(NetworkMetricsEvent.SOURCE_SIMULATED, event.source());
        assertEquals("s-same", event.scenarioId());
        assertEquals(3, event.scenarioVersion());
        assertEquals(result.resultKey(), event.metricsKey());
        assertEquals(MetricsComputation.simulatedKey(result), event.metricsKey());
        assertEquals(result.dataNotice(), event.dataNotice());
    }

    @Test
    void simulatedMetrics_describeTheScenarioNetwork_comparedWithTheBaselineNetwork() {
        List<FlowValue> base = flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80", "USA>DEU=20", "DEU>JPN=10");
        // the scenario closes CHN -> USA (value 0) and routes through JPN
        List<FlowValue> scen = flows("CHN>USA=0", "CHN>JPN=380", "JPN>USA=150", "USA>DEU=20", "DEU>JPN=10");
        NetworkMetricsEvent event = computation.simulated(result("s-embargo", scen, base));

        TradeNetwork scenarioNet = TradeNetwork.build(MetricsComputation.matrixOf(result("x", scen, base).scenario(),
                "850511", 2030), 0.0);
        TradeNetwork baselineNet = TradeNetwork.build(MetricsComputation.matrixOf(result("x", scen, base).baseline(),
                "850511", 2030), 0.0);
        assertEquals(4, event.indicators().edges(), "the closed pair is not an edge");
        assertEquals(scenarioNet.edgeCount(), event.indicators().edges());
        assertEquals(-1.0, event.comparison().indicatorChanges().get("edges"), EXACT);
        assertEquals(4.0 / 5.0, event.comparison().edgeJaccard(), 1e-12);
        assertTrue(event.comparison().jensenShannon() > 0);
        assertEquals(0.0, event.brokerage().direct(), EXACT);
        assertEquals(150.0, event.brokerage().totalTwoStep(), EXACT);
        assertEquals("JPN", event.brokerage().brokers().get(0).country());
        assertEquals(baselineNet.edgeCount() - 1, scenarioNet.edgeCount());
    }

    @Test
    void aNullSimulatedValue_countsAsNoTrade() {
        List<FlowValue> base = flows("CHN>USA=100", "CHN>JPN=300", "JPN>USA=80");
        List<FlowValue> scen = new ArrayList<>(flows("CHN>JPN=300", "JPN>USA=80"));
        scen.add(new FlowValue("CHN", "USA", 100, null));
        NetworkMetricsEvent event = computation.simulated(result("s-null", scen, base));
        assertEquals(ComputationStatus.OK, event.status());
        assertEquals(2, event.indicators().edges());
        assertEquals(0.0, event.brokerage().direct(), EXACT);
    }

    @Test
    void brokerageIsNull_whenChinaOrTheUnitedStatesIsAbsent() {
        List<FlowValue> flows = flows("CHN>JPN=300", "JPN>DEU=80");
        NetworkMetricsEvent event = computation.simulated(result("s-nousa", flows, flows));
        assertEquals(ComputationStatus.OK, event.status());
        assertNull(event.brokerage());
    }

    @Test
    void theThresholdDropsEdgesAtOrBelowIt_andIsReported() {
        MetricsComputation above50 = new MetricsComputation(50.0);
        List<FlowValue> flows = flows("CHN>USA=100", "CHN>JPN=50", "JPN>USA=30");
        NetworkMetricsEvent event = above50.simulated(result("s-thr", flows, flows));
        assertEquals(1, event.indicators().edges());
        assertEquals(3, event.indicators().nodes(), "nodes are the countries with any foreign flow before the threshold");
        assertEquals(50.0, event.threshold(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> new MetricsComputation(-1));
    }

    @Test
    void aFailedResult_givesAFailedMetricsEventWithTheError() {
        SimulationResultEvent failed = new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, "s-fail", 2, "ds-1",
                "850511", 2023, 2023, 2030, ComputationStatus.FAILED, "Newton did not converge in 100 iterations",
                "notice", null, null);
        NetworkMetricsEvent event = computation.simulated(failed);
        assertEquals(ComputationStatus.FAILED, event.status());
        assertEquals("Newton did not converge in 100 iterations", event.error());
        assertNull(event.indicators());
        assertNull(event.comparison());
        assertEquals(failed.resultKey(), event.metricsKey());
        assertEquals("notice", event.dataNotice());
        assertEquals(event, EventCodec.decode(EventCodec.encode(event), NetworkMetricsEvent.class));
    }

    @Test
    void aFailedResultWithoutProduct_isAnsweredUnderItsOwnKey() {
        SimulationResultEvent failed = new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, "s-bad", 1, "ds-1",
                null, 2023, 2023, 2023, ComputationStatus.FAILED, "events[0].rate: must be >= 0", null, null, null);
        NetworkMetricsEvent event = computation.simulated(failed);
        assertEquals(ComputationStatus.FAILED, event.status());
        assertEquals(MetricsComputation.simulatedKey(failed), event.metricsKey());
    }

    @Test
    void aFlowThatIsNotATradeValue_failsTheComputationWithAReason() {
        List<FlowValue> base = flows("CHN>USA=100", "CHN>JPN=300");
        List<FlowValue> scen = List.of(new FlowValue("CHN", "USA", 100, -5.0), new FlowValue("CHN", "JPN", 300, 300.0));
        NetworkMetricsEvent event = computation.simulated(result("s-neg", scen, base));
        assertEquals(ComputationStatus.FAILED, event.status());
        assertTrue(event.error().startsWith("network computation failed: "), event.error());
        assertTrue(event.error().contains("CHN->USA"), event.error());
    }

    @Test
    void anEmptyNetwork_isReportedWithNullsForWhatIsUndefined() {
        List<FlowValue> none = List.of(new FlowValue("CHN", "USA", 100, 0.0));
        NetworkMetricsEvent event = computation.simulated(result("s-empty", none, none));
        assertEquals(ComputationStatus.OK, event.status(), String.valueOf(event.error()));
        assertEquals(0, event.indicators().edges());
        assertNull(event.indicators().avgPathLength());
        assertNull(event.indicators().diameter());
        assertNull(event.brokerage());
        // whatever the engine cannot define is null, never NaN, so the JSON stays valid
        String json = EventCodec.encode(event);
        assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() {
        assertNull(MetricsMapping.number(Double.NaN));
        assertNull(MetricsMapping.number(Double.POSITIVE_INFINITY));
        assertNull(MetricsMapping.number((Double) null));
        assertEquals(0.5, MetricsMapping.number(0.5), EXACT);
    }

    // ---------------------------------------------------------------------------------- helpers

    /** Flows written "EXP>IMP=value", with the baseline value equal to the value. */
    static List<FlowValue> flows(String... edges) {
        List<FlowValue> out = new ArrayList<>();
        for (String e : edges) {
            double v = Double.parseDouble(e.substring(e.indexOf('=') + 1));
            out.add(new FlowValue(e.substring(0, 3), e.substring(4, 7), v, v));
        }
        return out;
    }

    static SimulationResultEvent result(String scenarioId, List<FlowValue> scenario, List<FlowValue> baseline) {
        return new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, 3, "ds-test", "850511", 2030,
                2023, 2030, ComputationStatus.OK, null, "test notice", solution("scenario", scenario),
                solution("baseline", baseline));
    }

    static SimulationResultEvent.Solution solution(String name, List<FlowValue> flows) {
        return new SimulationResultEvent.Solution(name, "nonlinear", true, 4, 1e-12, Map.of(), Map.of(), flows, Map.of(),
                Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }
}
