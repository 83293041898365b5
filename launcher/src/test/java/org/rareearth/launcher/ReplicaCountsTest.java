package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaCountsTest {

    @Test
    void oneOfEachByDefaultOnTheUsualOffsets() {
        ReplicaCounts one = ReplicaCounts.ONE_EACH;
        assertThat(ServiceSpec.ALL).allSatisfy(s -> assertThat(one.of(s)).isEqualTo(1));
        assertThat(one.slots()).extracting(ReplicaCounts.Slot::offset).containsExactly(0, 1, 2, 3);
        assertThat(one.describe()).isEqualTo("one of each");
    }

    @Test
    void furtherReplicasTakeTheOffsetsAfterTheFirstFour() {
        ReplicaCounts counts = ReplicaCounts.parse("simulation-service=2, network-service=3");
        assertThat(counts.of(ServiceSpec.SIMULATION)).isEqualTo(2);
        assertThat(counts.of(ServiceSpec.NETWORK)).isEqualTo(3);
        assertThat(counts.of(ServiceSpec.INGEST)).isEqualTo(1);
        assertThat(counts.slots()).containsExactly(
                new ReplicaCounts.Slot(ServiceSpec.INGEST, 1, 0),
                new ReplicaCounts.Slot(ServiceSpec.SCENARIO, 1, 1),
                new ReplicaCounts.Slot(ServiceSpec.SIMULATION, 1, 2),
                new ReplicaCounts.Slot(ServiceSpec.NETWORK, 1, 3),
                new ReplicaCounts.Slot(ServiceSpec.SIMULATION, 2, 4),
                new ReplicaCounts.Slot(ServiceSpec.NETWORK, 2, 5),
                new ReplicaCounts.Slot(ServiceSpec.NETWORK, 3, 6));
        assertThat(counts.processes()).isEqualTo(7);
        assertThat(counts.describe()).isEqualTo("simulation-service x2, network-service x3");
        assertThat(ServiceProcess.name(ServiceSpec.NETWORK, 3)).isEqualTo("network-service-3");
        assertThat(ServiceProcess.name(ServiceSpec.NETWORK, 1)).isEqualTo("network-service");
    }

    @Test
    void whatIsNotUnderstoodIsNamed() {
        assertThatThrownBy(() -> ReplicaCounts.parse("scenario-service=2"))
                .hasMessage("--replicas: scenario-service runs once; only simulation-service, network-service have replicas");
        assertThatThrownBy(() -> ReplicaCounts.parse("simulation=2"))
                .hasMessage("--replicas: unknown service 'simulation'; services with replicas: simulation-service,"
                        + " network-service");
        assertThatThrownBy(() -> ReplicaCounts.parse("simulation-service"))
                .hasMessageStartingWith("--replicas: 'simulation-service' is not SERVICE=N");
        assertThatThrownBy(() -> ReplicaCounts.parse("simulation-service=two"))
                .hasMessage("--replicas: simulation-service needs a whole number of replicas, was 'two'");
        assertThatThrownBy(() -> ReplicaCounts.parse("network-service=0"))
                .hasMessage("--replicas: network-service replicas must be 1..8, was 0");
        assertThatThrownBy(() -> ReplicaCounts.parse("network-service=9"))
                .hasMessage("--replicas: network-service replicas must be 1..8, was 9");
    }

    @Test
    void theLauncherTakesThem() {
        assertThat(LauncherOptions.parse(List.of()).replicas()).isEqualTo(ReplicaCounts.ONE_EACH);
        assertThat(LauncherOptions.parse(List.of("--replicas", "simulation-service=2,network-service=2")).replicas()
                .slots()).hasSize(6);
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--replicas")))
                .hasMessageStartingWith("--replicas needs a value");
    }
}
