package org.rareearth.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The comparison the end-to-end tests rely on must fail on a real difference, not only pass. */
class JsonCloseTest {

    private static JsonNode json(String text) throws Exception {
        return JsonHttp.mapper().readTree(text);
    }

    @Test
    void numbersWithinTheToleranceAgree() throws Exception {
        assertThatCode(() -> JsonClose.assertClose("x", json("{\"a\": 0.25, \"b\": 1000000.0, \"c\": null}"),
                json("{\"a\": 0.2500000000001, \"b\": 1000000.0000001, \"c\": null}"))).doesNotThrowAnyException();
    }

    @Test
    void aDifferenceAMissingFieldOrANullIsReportedWithItsPath() throws Exception {
        assertThatThrownBy(() -> JsonClose.assertClose("x", json("{\"a\": 0.25}"), json("{\"a\": 0.250001}")))
                .hasMessageContaining("x.a");
        assertThatThrownBy(() -> JsonClose.assertClose("x", json("{\"a\": 1, \"b\": 2}"), json("{\"a\": 1}")))
                .hasMessageContaining("x: fields");
        assertThatThrownBy(() -> JsonClose.assertClose("x", json("{\"a\": [1, 2]}"), json("{\"a\": [1, null]}")))
                .hasMessageContaining("x.a[1]");
    }
}
