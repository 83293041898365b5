package org.rareearth.scenario.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioProblem;

class ScenarioDocumentsTest {

    private static final Catalogue DATA = new Catalogue("v1", List.of(2022, 2023), List.of("850511"), List.of("CHN"), null);

    private static final String DOC = """
            {"name": "t", "baseYear": 2023, "events": [{"type": "TARIFF", "importers": "USA", "rate": 0.1}]}""";

    @Test
    void aValidDocumentIsStoredWithItsDefaultsWrittenOut() {
        ScenarioDocuments.Validated v = ScenarioDocuments.validate(DOC, DATA.context());
        assertThat(v.scenario().events()).hasSize(1);
        assertThat(v.document()).contains("\"exporters\" : [ \"*\" ]").contains("\"mode\" : \"set\"");
    }

    @Test
    void countriesOutsideTheDataButAssignedByIsoAreAccepted() {
        // the catalogue saw only CHN, yet validation knows every ISO3 code
        ScenarioDocuments.validate(DOC.replace("USA", "BRA"), DATA.context());
        assertThat(DATA.context().firstYear()).isEqualTo(2022);
    }

    @Test
    void anAppendedEventIsValidatedInItsPlace() {
        String stored = ScenarioDocuments.validate(DOC, DATA.context()).document();
        ScenarioDocuments.Validated v2 = ScenarioDocuments.append(stored,
                "{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"*\"}", DATA.context());
        assertThat(v2.scenario().events()).hasSize(2);
        assertThat(v2.scenario().events().get(1).type()).isEqualTo("EMBARGO");

        assertThatThrownBy(() -> ScenarioDocuments.append(v2.document(),
                "{\"type\": \"NTB\", \"importers\": \"USA\", \"rate\": NaN}", DATA.context()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::path).containsExactly("events[2].rate"));
        assertThatThrownBy(() -> ScenarioDocuments.append(stored, "[1, 2]", DATA.context()))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::path).allMatch(p -> p.startsWith("events[1]")));
    }
}
