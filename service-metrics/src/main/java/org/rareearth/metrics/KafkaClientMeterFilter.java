package org.rareearth.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The Kafka client meters of a service (bound by Quarkus's Kafka binder), each exported once and
 * without NaN lag values. Quarkus applies every {@link MeterFilter} bean to its registries.
 *
 * <ul>
 *   <li><b>One topic spelling.</b> For a topic whose name has a period, the Kafka client (4.x)
 *       registers every per-topic and per-partition metric twice: with the topic's name
 *       ({@code trade.baseline}) and with the periods replaced by underscores
 *       ({@code trade_baseline}, deprecated by Kafka). The second copy is dropped, for the topics
 *       this service's channels name ({@code mp.messaging.*.*.topic}); a topic really named with
 *       an underscore stays.</li>
 *   <li><b>No NaN lag.</b> {@code records-lag-avg}/{@code -max} and {@code records-lead-avg}/{@code -min}
 *       are statistics over the fetches of the last sample windows; a partition not fetched within
 *       them (paused while a long computation holds its record, or idle) has no sample and Kafka
 *       reports NaN, exactly when its lag matters. They are dropped: {@code records-lag} (the lag at
 *       the partition's last fetch, per topic and partition) and {@code records-lead} stay, and
 *       {@code max by (topic)} over them gives what the dropped ones meant.</li>
 * </ul>
 */
@Singleton
public class KafkaClientMeterFilter implements MeterFilter {

    static final String TOPIC_TAG = "topic";
    static final String KAFKA_PREFIX = "kafka.";
    /** Windowed statistics of the consumer's fetch manager that are NaN without a recent fetch. */
    static final Set<String> WINDOWED_LAG = Set.of(
            "kafka.consumer.fetch.manager.records.lag.avg",
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.fetch.manager.records.lead.avg",
            "kafka.consumer.fetch.manager.records.lead.min");
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(?:incoming|outgoing)\\.[^.]+\\.topic");

    /** The deprecated spellings ({@code trade_baseline}) of the topics with a period. */
    private final Set<String> deprecatedSpellings;

    @Inject
    public KafkaClientMeterFilter(Config config) {
        this(channelTopics(config));
    }

    KafkaClientMeterFilter(Collection<String> topics) {
        this.deprecatedSpellings = topics.stream().filter(t -> t.contains("."))
                .map(t -> t.replace('.', '_')).filter(spelling -> !topics.contains(spelling))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (!id.getName().startsWith(KAFKA_PREFIX)) {
            return MeterFilterReply.NEUTRAL;
        }
        if (WINDOWED_LAG.contains(id.getName())) {
            return MeterFilterReply.DENY;
        }
        String topic = id.getTag(TOPIC_TAG);
        return topic != null && deprecatedSpellings.contains(topic) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    Set<String> deprecatedSpellings() {
        return deprecatedSpellings;
    }

    /** The topic of every channel of the service (incoming and outgoing). */
    static Set<String> channelTopics(Config config) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> CHANNEL_TOPIC.matcher(name).matches())
                .map(name -> config.getOptionalValue(name, String.class).orElse(""))
                .filter(topic -> !topic.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }
}
