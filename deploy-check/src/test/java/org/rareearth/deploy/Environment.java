package org.rareearth.deploy;

/**
 * What one rendered overlay must hold for its environment: the namespace, the replication of the
 * topics and of Kafka's internal topics, the number of Kafka nodes and PostgreSQL instances, and
 * how simulation-service and network-service scale (fixed, CPU autoscalers, or KEDA on lag), and
 * whether Kafka authenticates its clients (SCRAM-SHA-512 users with ACLs, {@link KafkaUserRules}).
 */
public record Environment(String name, String namespace, int topicReplicas, int minInSyncReplicas, int kafkaNodes,
                          int databaseInstances, Scaling scaling, boolean kafkaAuthentication) {

    public enum Scaling { FIXED, HORIZONTAL_POD_AUTOSCALER, KEDA }

    public static final Environment DEV = new Environment("dev", "rare-earth-dev", 1, 1, 1, 1, Scaling.FIXED, false);
    public static final Environment PROD = new Environment("prod", "rare-earth", 3, 2, 3, 3, Scaling.HORIZONTAL_POD_AUTOSCALER, true);
    /** prod with components/keda-consumer-lag added. */
    public static final Environment PROD_KEDA = new Environment("prod+keda", "rare-earth", 3, 2, 3, 3, Scaling.KEDA, true);

    @Override
    public String toString() {
        return name;
    }
}
