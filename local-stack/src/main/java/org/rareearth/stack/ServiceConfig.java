package org.rareearth.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration a service needs to reach a stack, as Quarkus property names. */
public final class ServiceConfig {

    private ServiceConfig() {
    }

    public static Map<String, String> forStack(LocalStack stack) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl());
        config.put("quarkus.datasource.username", stack.dbUser());
        config.put("quarkus.datasource.password", stack.dbPassword());
        // the stack supplies the servers: Dev Services would try Docker
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        return config;
    }

    /** The same settings as environment variables, for services started as separate processes. */
    public static Map<String, String> asEnvironment(LocalStack stack) {
        Map<String, String> env = new LinkedHashMap<>();
        forStack(stack).forEach((k, v) -> env.put(environmentName(k), v));
        return env;
    }

    /** The environment variable of a property, as SmallRye Config maps it: {@code mp.jwt.verify.issuer} -> MP_JWT_VERIFY_ISSUER. */
    public static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
