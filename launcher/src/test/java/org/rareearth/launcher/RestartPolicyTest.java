package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.rareearth.launcher.RestartPolicy.GiveUp;
import org.rareearth.launcher.RestartPolicy.Restart;

/** The restart bound of the supervisor, on a clock the test moves (no waiting). */
class RestartPolicyTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final RestartLimits THREE_IN_TEN_MINUTES = new RestartLimits(3, WINDOW, Duration.ofSeconds(1));

    /** A clock that stands still until the test moves it. */
    private static final class TestClock implements InstantSource {
        private Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void givesUpAfterTheLastRestartAllowedWithinTheWindow() {
        TestClock clock = new TestClock();
        RestartPolicy policy = new RestartPolicy(THREE_IN_TEN_MINUTES, clock);

        assertThat(policy.onFailure()).isEqualTo(new Restart(1, Duration.ofSeconds(1)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.onFailure()).isEqualTo(new Restart(2, Duration.ofSeconds(2)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.onFailure()).isEqualTo(new Restart(3, Duration.ofSeconds(4)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.onFailure()).isEqualTo(new GiveUp(3, WINDOW));
        // and it stays given up while the three restarts are within the window
        clock.advance(Duration.ofMinutes(6));
        assertThat(policy.onFailure()).isEqualTo(new GiveUp(3, WINDOW));
    }

    @Test
    void allowsRestartsAgainOnceEarlierOnesAreOutsideTheWindow() {
        TestClock clock = new TestClock();
        RestartPolicy policy = new RestartPolicy(THREE_IN_TEN_MINUTES, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(policy.onFailure()).isInstanceOf(Restart.class);
        }
        assertThat(policy.onFailure()).isInstanceOf(GiveUp.class);

        // exactly one window later the three restarts no longer count
        clock.advance(WINDOW);
        assertThat(policy.onFailure()).as("after the window").isEqualTo(new Restart(1, Duration.ofSeconds(1)));
    }

    @Test
    void theWindowSlides() {
        TestClock clock = new TestClock();
        RestartPolicy policy = new RestartPolicy(THREE_IN_TEN_MINUTES, clock);
        policy.onFailure();                    // 10:00
        clock.advance(Duration.ofMinutes(8));
        policy.onFailure();                    // 10:08
        policy.onFailure();                    // 10:08
        assertThat(policy.onFailure()).as("10:08, three within the window").isInstanceOf(GiveUp.class);
        clock.advance(Duration.ofMinutes(2));  // 10:10: the 10:00 restart leaves the window, the 10:08 ones stay
        assertThat(policy.onFailure()).isEqualTo(new Restart(3, Duration.ofSeconds(4)));
        assertThat(policy.onFailure()).isInstanceOf(GiveUp.class);
    }

    @Test
    void zeroRestartsGivesUpAtTheFirstExit() {
        RestartPolicy policy = new RestartPolicy(new RestartLimits(0, WINDOW, Duration.ZERO), new TestClock());
        assertThat(policy.onFailure()).isEqualTo(new GiveUp(0, WINDOW));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RestartLimits limits = new RestartLimits(20, WINDOW, Duration.ofSeconds(5));
        assertThat(limits.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(limits.backoff(5)).isEqualTo(RestartLimits.MAX_BACKOFF);
        assertThat(limits.backoff(20)).isEqualTo(RestartLimits.MAX_BACKOFF);
        assertThat(new RestartLimits(3, WINDOW, Duration.ZERO).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(THREE_IN_TEN_MINUTES.describe()).isEqualTo("3 restarts within 10 min");
    }
}
