package org.rareearth.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentDatasetEventTest {

    private static CurrentDatasetEvent pointer(long sequence) {
        return new CurrentDatasetEvent(CurrentDatasetEvent.SCHEMA_VERSION, sequence, "sha256:ab", List.of(2022, 2023),
                List.of("850511"), "reconstruction", "2026-12-03T10:00:00Z", "operator");
    }

    @Test
    void travelsThroughTheCodecUnchanged() {
        CurrentDatasetEvent event = pointer(7);
        assertThat(EventCodec.decode(EventCodec.encode(event), CurrentDatasetEvent.class)).isEqualTo(event);
    }

    @Test
    void onlyAHigherSequenceMovesThePointer() {
        assertThat(pointer(1).movesPointerFrom(null)).isTrue();
        assertThat(pointer(6).movesPointerFrom(5L)).isTrue();
        assertThat(pointer(5).movesPointerFrom(5L)).as("a copy").isFalse();
        assertThat(pointer(4).movesPointerFrom(5L)).as("a late older activation").isFalse();
    }

    @Test
    void aPointerNamesAVersionWithYears() {
        assertThatThrownBy(() -> new CurrentDatasetEvent(1, 0, "sha256:ab", List.of(2023), List.of(), null, null, null))
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> new CurrentDatasetEvent(1, 1, "sha256:ab", List.of(), List.of(), null, null, null))
                .hasMessageContaining("datasetYears");
    }
}
