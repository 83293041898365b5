package org.rareearth.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.rareearth.shared.events.Topic;
import org.rareearth.shared.events.Topics;

/**
 * Creates the topics between the services before they start, so that the partition count is the
 * one asked for (auto-creation would take the broker default) and the two topics that hold
 * "the latest state per key" are compacted (docs/events.md): {@code dataset.current} (the current
 * data-set pointer), {@code trade.baseline} (one baseline
 * per data-set version, year and product) and {@code scenario.requests} (every scenario's latest
 * version). Existing topics are left as they are, so running it twice is harmless.
 */
public final class TopicSetup {

    /** A single broker can only hold one replica. */
    private static final short REPLICATION = 1;
    /**
     * Results of a whole scenario year, and the largest scenario request (at most 4 MiB, the
     * max.request.size of scenario-service's producer), fit below this; the in-process broker allows
     * the same.
     */
    static final String MAX_MESSAGE_BYTES = "10485760";
    private static final long TIMEOUT_SECONDS = 30;

    private TopicSetup() {
    }

    /**
     * The five topics of the contract, with their dead-letter topics (one partition is plenty for
     * those); {@code dataset.current} always has one partition.
     */
    public static List<NewTopic> topics(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            // dataset.current has one key, and its order is its meaning: a single partition
            int count = topic.equals(Topics.DATASET_CURRENT) ? 1 : partitions;
            topics.add(new NewTopic(topic.name(), count, REPLICATION).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES)));
            topics.add(dlq(topic.name()));
        }
        return topics;
    }

    private static NewTopic dlq(String topic) {
        return new NewTopic(Topics.dlq(topic), 1, REPLICATION)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES));
    }

    /** Creates the missing topics on {@code stack}; returns the names it created. */
    public static Set<String> create(LocalStack stack, int partitions) {
        return create(stack.kafkaBootstrapServers(), partitions);
    }

    public static Set<String> create(String bootstrapServers, int partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topics could not be created on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
