package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No credential in a service log (issue 10): the shared system's services log in to PostgreSQL with
 * a role and a random password of this run (DatabaseLogin), the datasource, Flyway and Kafka client
 * configuration log at DEBUG (SharedSystem.DEBUG_LOGGING), and no line of any service's log file
 * holds the password (plain, URL-encoded or base64). The scan runs over the logs as they are when
 * this class runs: the start, the demo upload and whatever the test classes before it did.
 */
@ExtendWith(SharedSystem.class)
class SecretsNotLoggedEndToEndTest {

    @Test
    void theServicesUseARandomPasswordThatTheServerChecks() throws SQLException {
        RunningSystem system = SharedSystem.get();
        DatabaseLogin login = system.databaseLogin();
        assertThat(login.user()).isNotEqualTo(system.stack().dbUser());
        assertThat(login.password()).isNotEqualTo(system.stack().dbPassword()).hasSizeGreaterThanOrEqualTo(32);
        try (Connection ok = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password())) {
            assertThat(ok.isValid(5)).isTrue();
        }
        // the password is what lets the services in: a wrong one is refused
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password() + "x").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void noServiceLogHoldsTheDatabasePassword() {
        RunningSystem system = SharedSystem.get();
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> handed = system.secrets();
        for (int i = 0; i < handed.size(); i++) {
            secrets.put(i == 0 ? "the services' database password" : "secret " + (i + 1), handed.get(i));
        }
        java.nio.file.Path logs = SharedSystem.LOGS.apply(SharedSystem.home());
        assertThat(logs.resolve("ingest-service.log")).as("the services log where the scan looks").isRegularFile();
        assertThat(new SecretScan(secrets).scanDirectory(logs)).isEmpty();
    }
}
