package org.rareearth.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics docker-compose.yml's one-shot job creates, read from its script: one
 * {@code --topic NAME --partitions N --config key=value ...} per line.
 */
final class ComposeTopicJob {

    private ComposeTopicJob() {
    }

    static List<TopicSpec> topics(String script) {
        List<TopicSpec> topics = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (!line.contains("--topic ")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            String name = null;
            int partitions = -1;
            Map<String, String> configs = new HashMap<>();
            for (int i = 0; i < words.length - 1; i++) {
                switch (words[i]) {
                    case "--topic" -> name = words[++i];
                    case "--partitions" -> partitions = Integer.parseInt(words[++i]);
                    case "--config" -> {
                        String[] pair = words[++i].split("=", 2);
                        configs.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                    default -> {
                        // the function name and its fixed arguments
                    }
                }
            }
            topics.add(new TopicSpec(name, partitions, configs));
        }
        return topics;
    }

    /** The replication factor the job's helper passes to every topic. */
    static int replicationFactor(String script) {
        String[] words = script.split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("--replication-factor")) {
                return Integer.parseInt(words[i + 1]);
            }
        }
        return -1;
    }
}
