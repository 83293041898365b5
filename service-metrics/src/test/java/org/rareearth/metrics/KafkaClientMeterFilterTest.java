package org.rareearth.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter on a plain Micrometer registry, with meters named and tagged as the Kafka binder does. */
class KafkaClientMeterFilterTest {

    private static final String LAG = "kafka.consumer.fetch.manager.records.lag";

    @Test
    void keepsOneSpellingOfEachTopicAndNoWindowedLagStatistic() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaClientMeterFilter(List.of("trade.baseline", "scenario.requests",
                "plain_topic")));

        gauge(registry, LAG, "trade.baseline", 0);
        gauge(registry, LAG, "trade_baseline", 0);
        gauge(registry, LAG, "scenario.requests", 3);
        gauge(registry, LAG, "scenario_requests", 3);
        gauge(registry, LAG, "plain_topic", 1);
        gauge(registry, LAG + ".max", "trade.baseline", Double.NaN);
        gauge(registry, LAG + ".avg", "trade.baseline", Double.NaN);
        gauge(registry, "kafka.consumer.fetch.manager.records.lead.min", "trade.baseline", Double.NaN);
        gauge(registry, "kafka.consumer.fetch.manager.records.lead.avg", "trade.baseline", Double.NaN);
        gauge(registry, "kafka.consumer.fetch.manager.records.lead", "trade.baseline", 7);
        gauge(registry, "kafka.consumer.fetch.manager.bytes.consumed.total", "trade_baseline", 10);
        gauge(registry, "kafka.consumer.fetch.manager.bytes.consumed.total", "trade.baseline", 10);
        gauge(registry, "other.meter", "trade_baseline", 1);

        assertThat(registry.find(LAG).gauges()).extracting(g -> g.getId().getTag("topic"))
                .containsExactlyInAnyOrder("trade.baseline", "scenario.requests", "plain_topic");
        assertThat(registry.find(LAG + ".max").meters()).isEmpty();
        assertThat(registry.find(LAG + ".avg").meters()).isEmpty();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lead.min").meters()).isEmpty();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lead.avg").meters()).isEmpty();
        assertThat(registry.find("kafka.consumer.fetch.manager.records.lead").meters()).hasSize(1);
        assertThat(registry.find("kafka.consumer.fetch.manager.bytes.consumed.total").meters())
                .extracting(m -> m.getId().getTag("topic")).containsExactly("trade.baseline");
        // not a Kafka client meter: left alone
        assertThat(registry.find("other.meter").meters()).hasSize(1);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(((Gauge) m).value()).as("%s", m.getId()).isNotNaN());
    }

    @Test
    void aTopicNamedWithAnUnderscoreIsNotTakenForADeprecatedSpelling() {
        KafkaClientMeterFilter filter = new KafkaClientMeterFilter(List.of("a.b", "a_b", "c.d.dlq"));
        assertThat(filter.deprecatedSpellings()).containsExactly("c_d_dlq");
    }

    private static void gauge(MeterRegistry registry, String name, String topic, double value) {
        Gauge.builder(name, () -> value).tag("client.id", "kafka-consumer-x").tag("topic", topic).tag("partition", "0")
                .register(registry);
    }
}
