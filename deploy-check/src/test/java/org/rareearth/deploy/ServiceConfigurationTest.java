package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The property reader the environment checks rely on, on the services' real source trees. */
class ServiceConfigurationTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void readsPortsPropertiesAndMappingsOfEachService() {
        ServiceConfiguration ingest = ServiceConfiguration.read(repository, "ingest-service");
        assertThat(ingest.httpPort()).isEqualTo(8081);
        assertThat(ingest.reads("RAREEARTH_INGEST_BOOTSTRAP_DIR")).isTrue();
        assertThat(ingest.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(ingest.reads("QUARKUS_DATASOURCE_PASSWORD")).isTrue();
        // misspelt, or another service's
        assertThat(ingest.reads("RAREEARTH_INGEST_BOOTSTRAP_DIRECTORY")).isFalse();
        assertThat(ingest.reads("RAREEARTH_NETWORK_THRESHOLD")).isFalse();
        assertThat(ServiceConfiguration.read(repository, "scenario-service").httpPort()).isEqualTo(8082);
        assertThat(ServiceConfiguration.read(repository, "simulation-service").httpPort()).isEqualTo(8083);
        assertThat(ServiceConfiguration.read(repository, "network-service").httpPort()).isEqualTo(8084);
    }

    @Test
    void takesConfigMappingAccessorsAndConfigPropertiesFromTheSources() {
        ServiceConfiguration ingest = ServiceConfiguration.read(repository, "ingest-service");
        // IngestConfig: accessors become kebab-case properties; default methods are not properties
        assertThat(ingest.properties()).contains("rareearth.ingest.finished-ingests-kept", "rareearth.ingest.max-unpacked-bytes")
                .doesNotContain("rareearth.ingest.product-filter", "rareearth.ingest.archive-limits");
        // SolverConfig's accessors; @WithName("wait") in ShutdownConfig; rareearth.inbound.backoff
        // (service-kit's InboundConfig) from application.properties
        assertThat(ServiceConfiguration.read(repository, "simulation-service").properties())
                .contains("rareearth.inbound.backoff", "rareearth.simulation.solver.min-step",
                        "rareearth.simulation.shutdown.wait");
    }

    @Test
    void knowsTheTopicsAndGroupsOfTheConsumers() {
        ServiceConfiguration simulation = ServiceConfiguration.read(repository, "simulation-service");
        assertThat(simulation.incomingTopics()).containsExactlyInAnyOrder("trade.baseline", "scenario.requests", "dataset.current");
        assertThat(simulation.consumerGroups()).containsExactly("simulation-service");
        assertThat(simulation.outgoingTopics()).containsExactly("simulation.results");
        assertThat(simulation.deadLetterTopics())
                .containsExactlyInAnyOrder("trade.baseline.dlq", "scenario.requests.dlq", "dataset.current.dlq");
        assertThat(ServiceConfiguration.read(repository, "ingest-service").outgoingTopics())
                .containsExactlyInAnyOrder("trade.baseline", "dataset.current");
    }

    @Test
    void keepsTheValuesOfEachProfile() {
        ServiceConfiguration network = ServiceConfiguration.read(repository, "network-service");
        assertThat(network.profileNames()).contains(KafkaUserRules.PROFILE);
        assertThat(network.property(KafkaUserRules.PROFILE, "kafka.sasl.mechanism")).contains("SCRAM-SHA-512");
        // a profile's value is not the unprofiled one
        assertThat(network.property("kafka.sasl.mechanism")).isEmpty();
        assertThat(network.reads("KAFKA_SASL_JAAS_CONFIG")).isTrue();
    }

    @Test
    void mapsPropertiesToEnvironmentNamesAsSmallRyeConfigDoes() {
        assertThat(ServiceConfiguration.environmentName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ServiceConfiguration.environmentName("rareearth.ingest.bootstrap-dir")).isEqualTo("RAREEARTH_INGEST_BOOTSTRAP_DIR");
        assertThat(ServiceConfiguration.kebab("maxUploadBytes")).isEqualTo("max-upload-bytes");
    }
}
