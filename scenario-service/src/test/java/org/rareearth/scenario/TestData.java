package org.rareearth.scenario;

import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.NetworkMetricsEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;

/** A tiny data set and the events the other services would send about a scenario. */
public final class TestData {

    public static final String DATASET = "scenario-test-ds-1";
    public static final String PRODUCT = "850511";
    public static final String NOTICE = "test data, a reconstruction";

    /** Characters of one padding group's name, below Jackson's limit for a JSON name. */
    private static final int GROUP_NAME_LENGTH = 40_000;
    /** Separator, index, quotes and members of one padding group. */
    private static final int GROUP_OVERHEAD = 20;

    private TestData() {
    }

    /** The baseline event of the test data set: 2023, one product, three countries. */
    public static TradeBaselineEvent baseline() {
        return new TradeBaselineEvent(TradeBaselineEvent.SCHEMA_VERSION, DATASET, 2023, PRODUCT, List.of(2023),
                List.of(PRODUCT), NOTICE,
                List.of(new TradeBaselineEvent.Flow("CHN", "USA", 1000.0, 10.0),
                        new TradeBaselineEvent.Flow("CHN", "JPN", 500.0, null),
                        new TradeBaselineEvent.Flow("JPN", "USA", 50.0, 1.0)),
                List.of(new TradeBaselineEvent.Tariff("USA", "CHN", 0.021)));
    }

    /** Publishes the test data set (idempotent) and waits until the catalogue knows it. */
    public static void ensureCatalogue() {
        TradeBaselineEvent b = baseline();
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), b.key(), b);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().get("/catalog");
            return r.statusCode() == 200 && r.jsonPath().getList("years").contains(2023)
                    && r.jsonPath().getList("products").contains(PRODUCT);
        });
    }

    /** A valid document: base year 2023, horizon 2024, one product (expected work = 2 cells). */
    public static String document(String name) {
        return """
                {"name": "%s", "baseYear": 2023, "horizon": 2024, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"], "rate": 0.25, "mode": "add"}]}
                """.formatted(name);
    }

    /**
     * A valid document padded to about {@code bytes} by groups whose names are {@code padding}
     * repeated (a JSON name may be at most 50 000 characters long, so it takes several).
     */
    public static String paddedDocument(String name, String padding, int bytes) {
        String[] parts = document(name).split("\"events\"", 2);
        StringBuilder doc = new StringBuilder(bytes + GROUP_NAME_LENGTH).append(parts[0]).append("\"groups\": {");
        String tail = "}, \"events\"" + parts[1];
        String group = padding.repeat(GROUP_NAME_LENGTH / padding.length());
        for (int i = 0; doc.length() + tail.length() < bytes; i++) {
            int room = bytes - doc.length() - tail.length() - GROUP_OVERHEAD;
            doc.append(i == 0 ? "" : ", ").append('"').append(i).append(' ')
                    .append(room >= group.length() ? group : group.substring(0, Math.max(0, room - room % padding.length())))
                    .append("\": [\"USA\"]");
        }
        return doc.append(tail).toString();
    }

    public static SimulationResultEvent result(String id, int version, int year) {
        SimulationResultEvent.Solution solution = new SimulationResultEvent.Solution("s", "gsim", true, 4, 1e-10,
                Map.of("CHN", 1.1, "JPN", 1.0), Map.of("USA", 1.05 + (year - 2023) / 100.0),
                List.of(new SimulationResultEvent.FlowValue("CHN", "USA", 1000.0, 900.0 + year - 2023)),
                Map.of("USA", new SimulationResultEvent.Welfare(1.0, -12.5, 3.0, 0.0, 0.0, -8.5)),
                Map.of(), Map.of(), Map.of(), List.of("events[0]"), List.of());
        return new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, id, version, DATASET, PRODUCT, year, 2023,
                2024, ComputationStatus.OK, null, NOTICE, solution, solution);
    }

    public static SimulationResultEvent failedResult(String id, int version, String error) {
        return new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, id, version, DATASET, PRODUCT, 2023, 2023,
                2024, ComputationStatus.FAILED, error, NOTICE, null, null);
    }

    public static NetworkMetricsEvent metrics(String id, int version, int year) {
        NetworkMetricsEvent.Indicators indicators = new NetworkMetricsEvent.Indicators(3, 3, 0.5, 0.0, 0.0, 1.2, 2,
                0.4, 0.8 + (year - 2023) / 100.0, 0.6, 0.9, 1.0, 1, 0.0, 1.0);
        NetworkMetricsEvent.Brokerage brokerage = new NetworkMetricsEvent.Brokerage("CHN", "USA", 900.0, 45.0,
                List.of(new NetworkMetricsEvent.Broker("JPN", 45.0, 1.0)));
        NetworkMetricsEvent.Comparison comparison = new NetworkMetricsEvent.Comparison(Map.of("density", -0.01), 1.0, 1.0,
                0.002, 1.0);
        return new NetworkMetricsEvent(NetworkMetricsEvent.SCHEMA_VERSION, id, version, DATASET, PRODUCT, year,
                NetworkMetricsEvent.SOURCE_SIMULATED, ComputationStatus.OK, null, NOTICE, 0.0, indicators, Map.of(),
                brokerage, comparison);
    }

    public static NetworkMetricsEvent failedMetrics(String id, int version, int year, String error) {
        return new NetworkMetricsEvent(NetworkMetricsEvent.SCHEMA_VERSION, id, version, DATASET, PRODUCT, year,
                NetworkMetricsEvent.SOURCE_SIMULATED, ComputationStatus.FAILED, error, NOTICE, 0.0, null, Map.of(),
                null, null);
    }
}
