package org.rareearth.shared.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A service answers "no JSON document" and "a document with invalid fields" differently (400 / 422). */
class ScenarioExceptionTest {

    private static boolean malformed(String json) {
        try {
            ScenarioReader.read(json, DemoContext.CONTEXT);
        } catch (ScenarioException e) {
            return e.malformed();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void emptyTextAndMalformedJsonAreMalformed() {
        assertThat(malformed("")).isTrue();
        assertThat(malformed("  ")).isTrue();
        assertThat(malformed("{\"name\": ")).isTrue();
        assertThat(malformed("{\"name\": \"a\"} {}")).isTrue();
    }

    @Test
    void wellFormedJsonWithInvalidContentIsNot() {
        assertThat(malformed("[1, 2]")).isFalse();
        assertThat(malformed("{\"name\": \"a\", \"baseYear\": 1999, \"events\": []}")).isFalse();
        assertThat(malformed("{\"name\": \"a\", \"baseYear\": 2023, \"colour\": 1}")).isFalse();
    }

    @Test
    void aMalformedExceptionCarriesItsOneProblem() {
        ScenarioException e = ScenarioException.malformed(new ScenarioProblem("events[2]", "malformed JSON"));
        assertThat(e.malformed()).isTrue();
        assertThat(e.problems()).containsExactly(new ScenarioProblem("events[2]", "malformed JSON"));
        assertThat(new ScenarioException(List.of(new ScenarioProblem("name", "x"))).malformed()).isFalse();
        assertThatThrownBy(() -> new ScenarioException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
