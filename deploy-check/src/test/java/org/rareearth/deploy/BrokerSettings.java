package org.rareearth.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.server.config.AbstractKafkaConfig;

/**
 * Kafka broker settings (a Strimzi {@code spec.kafka.config}, the apache/kafka image's
 * {@code KAFKA_*} variables) checked against the broker's own configuration definition of the
 * Kafka version the services use (kafka-server 4.1.1 on this classpath): the name must be a broker
 * setting and the value must parse and pass its validator. A free-form map is where a typo
 * ({@code auto.create.topic.enable}) would otherwise pass every other check.
 */
final class BrokerSettings {

    /** Variables the apache/kafka image's launcher reads itself; they are not broker settings. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_GC_LOG_OPTS");

    private BrokerSettings() {
    }

    static List<String> problems(String where, Map<String, ?> settings) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigDef.ConfigKey> keys = AbstractKafkaConfig.CONFIG_DEF.configKeys();
        settings.forEach((name, value) -> {
            ConfigDef.ConfigKey key = keys.get(name);
            if (key == null) {
                problems.add(where + ": " + name + " is not a Kafka broker setting");
                return;
            }
            try {
                Object parsed = ConfigDef.parseType(name, String.valueOf(value), key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(name, parsed);
                }
            } catch (ConfigException e) {
                problems.add(where + ": " + name + "=" + value + ": " + e.getMessage());
            }
        });
        return problems;
    }

    /**
     * The broker setting an apache/kafka image variable stands for: {@code KAFKA_} removed, lower
     * case, {@code ___} as {@code -}, {@code __} as {@code _}, {@code _} as {@code .}.
     */
    static String fromImageVariable(String variable) {
        String rest = variable.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT);
        return rest.replace("___", "\u0001").replace("__", "\u0002").replace('_', '.').replace('\u0001', '-')
                .replace('\u0002', '_');
    }
}
