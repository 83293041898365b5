package org.rareearth.deploy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.rareearth.stack.TopicSetup;

/** A topic as the system needs it: name, partitions and topic configuration. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(new TreeMap<>(configs));
    }

    /** The topics local-stack's TopicSetup creates with {@code partitions} per contract topic: the reference. */
    public static List<TopicSpec> fromTopicSetup(int partitions) {
        return TopicSetup.topics(partitions).stream().map(TopicSpec::of).sorted(Comparator.comparing(TopicSpec::name)).toList();
    }

    private static TopicSpec of(NewTopic topic) {
        return new TopicSpec(topic.name(), topic.numPartitions(), topic.configs());
    }

    /**
     * Compares {@code actual} (from a compose job or KafkaTopics) with TopicSetup's topics for the
     * partition count the contract topics have; every difference is one problem.
     */
    public static List<String> problems(String where, List<TopicSpec> actual) {
        int partitions = actual.stream().filter(t -> t.name().equals("trade.baseline")).mapToInt(TopicSpec::partitions)
                .findFirst().orElse(1);
        Map<String, TopicSpec> expected = new TreeMap<>();
        fromTopicSetup(partitions).forEach(t -> expected.put(t.name(), t));
        Map<String, TopicSpec> found = new TreeMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (TopicSpec topic : actual) {
            if (found.put(topic.name(), topic) != null) {
                problems.add(where + ": topic " + topic.name() + " defined twice");
            }
        }
        expected.forEach((name, want) -> {
            TopicSpec have = found.get(name);
            if (have == null) {
                problems.add(where + ": topic " + name + " is missing (TopicSetup creates it)");
            } else if (!have.equals(want)) {
                problems.add(where + ": topic " + name + " is " + have + ", TopicSetup.topics(" + partitions + ") has " + want);
            }
        });
        found.keySet().stream().filter(n -> !expected.containsKey(n))
                .forEach(n -> problems.add(where + ": topic " + n + " is not one of TopicSetup's"));
        return problems;
    }
}
