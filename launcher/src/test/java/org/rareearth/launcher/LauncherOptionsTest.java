package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void restartLimitsDefaultAndCanBeSet() {
        assertThat(LauncherOptions.parse(List.of()).restartLimits()).isEqualTo(RestartLimits.DEFAULT);
        LauncherOptions options = LauncherOptions.parse(List.of("--max-restarts", "5", "--restart-window-minutes", "2",
                "--restart-backoff-seconds", "0"));
        assertThat(options.restartLimits()).isEqualTo(new RestartLimits(5, Duration.ofMinutes(2), Duration.ZERO));
        assertThat(LauncherOptions.parse(List.of("--max-restarts", "0")).restartLimits().maxRestarts()).isZero();
    }

    @Test
    void badRestartLimitsNameTheOption() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--max-restarts", "-1")))
                .hasMessage("--max-restarts needs a whole number >= 0, was '-1'");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--restart-window-minutes", "0")))
                .hasMessage("--restart-window-minutes needs a positive whole number, was '0'");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--restart-backoff-seconds")))
                .hasMessageStartingWith("--restart-backoff-seconds needs a value");
    }
}
