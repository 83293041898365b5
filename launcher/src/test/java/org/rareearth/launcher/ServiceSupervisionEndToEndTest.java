package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher supervises its services: simulation-service killed with SIGKILL (as the kernel's
 * OOM killer would) is reported with its exit code and log file, started again on the same port
 * with the same environment, and a scenario posted afterwards is solved through it.
 */
@ExtendWith(SharedSystem.class)
@Order(3)
class ServiceSupervisionEndToEndTest {

    /** A JVM killed by SIGKILL exits with 128 + 9. */
    static final int SIGKILL_EXIT = 137;
    static final Duration REPORTED = Duration.ofSeconds(30);
    /** A killed consumer keeps its partitions until its group session times out (45 s by default). */
    static final Duration SOLVED = Duration.ofMinutes(4);

    static RunningSystem system;
    static final List<LogRecord> supervisorLog = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            supervisorLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void listen() {
        system = SharedSystem.get();
        ServiceSupervisor.LOG.addHandler(CAPTURE);
    }

    /** Whatever happened, simulation-service runs and is ready for the next test class. */
    @AfterAll
    static void leaveTheSystemWhole() {
        ServiceSupervisor.LOG.removeHandler(CAPTURE);
        if (system == null) {
            return;
        }
        ServiceProcess simulation = system.fleet().get(ServiceSpec.SIMULATION);
        boolean supervised = message(Level.SEVERE, "giving up") == null;
        if (supervised) {
            // the supervisor restarts it within its backoff; only a broken supervisor leaves it down
            try {
                await("simulation-service running again").atMost(REPORTED).until(simulation::isAlive);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // not restarted: start it below
            }
        }
        simulation.startUnlessRunning();
        simulation.awaitReady(system.http().client(), SharedSystem.READY);
    }

    @Test
    void aKilledServiceIsReportedRestartedOnItsPortAndSolvesAgain() throws Exception {
        assertThat(system.fleet().supervisor()).as("the shared system is supervised").isPresent();
        ServiceProcess simulation = system.fleet().get(ServiceSpec.SIMULATION);
        int port = simulation.port();
        long killedPid = simulation.pid();

        ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();

        await("the supervisor's report of the exit and of the restart").atMost(REPORTED)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> message(Level.INFO, "restarting simulation-service on port " + port) != null);
        assertThat(message(Level.WARNING, "simulation-service exited unexpectedly"))
                .contains("exit code " + SIGKILL_EXIT, "killed by signal 9", "port " + port,
                        simulation.log().toAbsolutePath().toString());

        await("simulation-service ready again on port " + port).atMost(SharedSystem.READY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> message(Level.INFO, "simulation-service is ready again on port " + port) != null);
        assertThat(simulation.isAlive()).isTrue();
        assertThat(simulation.pid()).as("a new process").isNotEqualTo(killedPid);
        assertThat(simulation.port()).isEqualTo(port);
        assertThat(ready("http://localhost:" + port)).as("GET /q/health/ready on port " + port).isEqualTo(200);
        assertThat(message(Level.SEVERE, "giving up")).isNull();

        // the pipeline goes through the restarted service: scenario.requests -> simulation.results -> ...
        ScenarioClient.Accepted accepted = system.scenarios().create("""
                {"name": "e2e supervision %s", "baseYear": 2023, "horizon": 2024, "products": ["850511"],
                 "events": [{"type": "TARIFF", "year": 2024, "importers": ["USA"], "exporters": ["CHN"],
                             "rate": 0.2, "mode": "add"}]}""".formatted(UUID.randomUUID()));
        assertThat(system.scenarios().awaitSettled(accepted.id(), 1, SOLVED).path("status").asText())
                .as("scenario %s after the restart", accepted.id()).isEqualTo("ready");
        JsonHttp.Reply results = system.http().get(simulation.baseUrl() + "/results/" + accepted.id())
                .expect(200, "GET /results/" + accepted.id());
        assertThat(results.json().size()).as("results of years 2023 and 2024").isEqualTo(2);
    }

    /** The first captured message at {@code level} containing {@code text}, or null. */
    private static String message(Level level, String text) {
        return supervisorLog.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage)
                .filter(m -> m.contains(text)).findFirst().orElse(null);
    }

    private static int ready(String baseUrl) throws Exception {
        return system.http().client().send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
