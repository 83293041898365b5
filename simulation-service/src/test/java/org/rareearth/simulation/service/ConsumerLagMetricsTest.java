package org.rareearth.simulation.service;

import org.rareearth.stack.LocalStackResource;
import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.events.DemoBaselines;
import org.rareearth.shared.events.EventCodec;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * The consumer-lag series on {@code /q/metrics}: each once, under the topic's name as in
 * docs/events.md ({@code trade.baseline}, not also {@code trade_baseline}), and none NaN.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ConsumerLagMetricsTest {

    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final Set<String> CONSUMED_TOPICS = Set.of(Topics.TRADE_BASELINE.name(), Topics.SCENARIO_REQUESTS.name(),
            Topics.DATASET_CURRENT.name());
    private static final String LAG = "kafka_consumer_fetch_manager_records_lag";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** One exported sample: metric name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void eachLagSeriesOnceUnderTheDottedTopicNameAndNeverNaN() {
        TradeBaselineEvent baseline = DemoBaselines.event("lag-" + UUID.randomUUID(), 2023, "850511");
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), baseline.key(), EventCodec.encode(baseline));
        await("a trade.baseline record consumed").atMost(DEADLINE).until(() -> samples().stream()
                .anyMatch(s -> s.name().equals("kafka_consumer_fetch_manager_records_consumed_total")
                        && Topics.TRADE_BASELINE.name().equals(s.labels().get("topic")) && s.value() >= 1));

        List<Sample> lag = samples().stream().filter(s -> s.name().startsWith(LAG)).toList();
        assertThat(lag).as("lag series").isNotEmpty();
        assertThat(lag).extracting(s -> s.labels().get("topic")).as("topic of every lag series")
                .allSatisfy(topic -> assertThat(topic).isIn(CONSUMED_TOPICS))
                .contains(Topics.TRADE_BASELINE.name());
        assertThat(lag).allSatisfy(s -> assertThat(s.value()).as("%s%s", s.name(), s.labels()).isNotNaN());
        // once per (metric, client, topic, partition)
        Map<String, Long> copies = lag.stream().collect(Collectors.groupingBy(
                s -> s.name() + s.labels().get("client_id") + s.labels().get("topic") + s.labels().get("partition"),
                Collectors.counting()));
        assertThat(copies).allSatisfy((series, n) -> assertThat(n).as(series).isEqualTo(1L));
        // the current lag per partition is what stays
        assertThat(lag).extracting(Sample::name).contains(LAG);
        // no Kafka series with the deprecated underscore spelling of a topic at all
        assertThat(samples()).filteredOn(s -> s.name().startsWith("kafka_"))
                .extracting(s -> s.labels().getOrDefault("topic", ""))
                .doesNotContain("trade_baseline", "scenario_requests", "simulation_results", "dataset_current");
    }

    private static List<Sample> samples() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> !l.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
                .map(m -> new Sample(m.group(1), labels(m.group(2)), Double.parseDouble(m.group(3)))).toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
