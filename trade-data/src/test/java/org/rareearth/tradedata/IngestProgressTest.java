package org.rareearth.tradedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IngestProgressTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void ratesCountFromTheStartOfReadingAndTimeLeftFromTheByteRate() {
        ManualClock clock = new ManualClock();
        IngestProgress p = new IngestProgress(clock);
        clock.advance(Duration.ofSeconds(30)); // receiving the upload: not reading
        p.readingStarts();
        p.totalBytes(1_000);
        p.file("BACI_HS17_Y2022_V202401b.csv");
        clock.advance(Duration.ofSeconds(4));
        p.bytes(250);
        p.rows(10, 2, 388); // 400 rows in 4 s

        IngestProgress.Snapshot s = p.snapshot();
        assertThat(s.rowsRead()).isEqualTo(400);
        assertThat(s.rowsAccepted()).isEqualTo(10);
        assertThat(s.rowsRejected()).isEqualTo(2);
        assertThat(s.rowsSkipped()).isEqualTo(388);
        assertThat(s.rowsPerSecond()).isEqualTo(100.0);
        // 750 bytes left at 250 bytes per 4 s: 12 s
        assertThat(s.remaining()).isEqualTo(Duration.ofSeconds(12));
        assertThat(s.file()).isEqualTo("BACI_HS17_Y2022_V202401b.csv");

        // a finished ingest seen later keeps its rate
        Instant end = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        assertThat(p.snapshot(end).rowsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void nothingReadYetHasNoRateAndNoEstimate() {
        IngestProgress.Snapshot s = new IngestProgress(new ManualClock()).snapshot();
        assertThat(s.rowsPerSecond()).isNull();
        assertThat(s.remaining()).isNull();
    }

    @Test
    void cancellingStopsTheReaderAtItsNextCheck() {
        IngestProgress p = new IngestProgress();
        p.file("a.csv");
        p.checkCancelled();
        p.cancel();
        assertThat(p.cancelled()).isTrue();
        assertThatThrownBy(p::checkCancelled).isInstanceOf(IngestCancelledException.class).hasMessageContaining("a.csv");
    }
}
