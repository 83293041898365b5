package org.rareearth.scenario;

import org.rareearth.stack.KafkaTestClient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.rareearth.scenario.persistence.CatalogueCountryEntity;
import org.rareearth.shared.events.Topics;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class CatalogueTest {

    @Test
    void catalogueIsLearnedFromTradeBaselineAndARedeliveryAddsNothing() {
        TestData.ensureCatalogue();
        long countries = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> CatalogueCountryEntity.count("datasetVersion", TestData.DATASET));
        assertThat(countries).isEqualTo(3);
        given().get("/catalog").then().statusCode(200)
                .body("datasetVersion", notNullValue())
                .body("years", hasItem(2023))
                .body("products", hasItem("850511"))
                .body("countries", hasItems("CHN", "JPN", "USA"));

        // the same event again: once the consumer counted it as a duplicate, nothing else changed
        double duplicates = TestMetrics.counter("rareearth_scenario_consumed_total", "trade.baseline", "duplicate");
        TradeBaselineEvent again = TestData.baseline();
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), again.key(), again);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestMetrics.counter("rareearth_scenario_consumed_total", "trade.baseline", "duplicate") > duplicates);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> CatalogueCountryEntity.count("datasetVersion", TestData.DATASET))).isEqualTo(3);
        given().get("/catalog").then().statusCode(200).body("years", equalTo(java.util.List.of(2023)))
                .body("products", equalTo(java.util.List.of("850511")));
    }

    @Test
    void unreadableBaselineGoesToTheDeadLetterTopicWithAReason() {
        String key = "poison-baseline-" + UUID.randomUUID();
        KafkaTestClient.send(Topics.TRADE_BASELINE.name(), key, "{\"schemaVersion\": 99}");
        ConsumerRecord<String, String> dead = KafkaTestClient.awaitRecord(Topics.TRADE_BASELINE.dlq(),
                r -> key.equals(r.key()));
        Header reason = dead.headers().lastHeader(Topics.DLQ_REASON_HEADER);
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("schemaVersion 99");
        // the consumer carries on
        TestData.ensureCatalogue();
    }
}
