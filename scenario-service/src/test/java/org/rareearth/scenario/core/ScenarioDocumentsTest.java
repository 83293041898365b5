package org.rareearth.scenario.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioProblem;

class ScenarioDocumentsTest {

    private static final Catalogue DATA = new Catalogue("v1", List.of(2022, 2023), List.of("850511"), List.of("CHN"), null);

    private static final DocumentLimits LIMITS = new DocumentLimits(1 << 20, 200);

    private static final String DOC = """
            {"name": "t", "baseYear": 2023, "events": [{"type": "TARIFF", "importers": "USA", "rate": 0.1}]}""";

    @Test
    void aValidDocumentIsStoredWithItsDefaultsWrittenOut() {
        ScenarioDocuments.Validated v = ScenarioDocuments.validate(DOC, DATA.context(), LIMITS);
        assertThat(v.scenario().events()).hasSize(1);
        assertThat(v.document()).contains("\"exporters\" : [ \"*\" ]").contains("\"mode\" : \"set\"");
    }

    @Test
    void countriesOutsideTheDataButAssignedByIsoAreAccepted() {
        // the catalogue saw only CHN, yet validation knows every ISO3 code
        ScenarioDocuments.validate(DOC.replace("USA", "BRA"), DATA.context(), LIMITS);
        assertThat(DATA.context().firstYear()).isEqualTo(2022);
    }

    @Test
    void anAppendedEventIsValidatedInItsPlace() {
        String stored = ScenarioDocuments.validate(DOC, DATA.context(), LIMITS).document();
        ScenarioDocuments.Validated v2 = ScenarioDocuments.append(stored,
                "{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", \"importers\": \"*\"}", DATA.context(), LIMITS);
        assertThat(v2.scenario().events()).hasSize(2);
        assertThat(v2.scenario().events().get(1).type()).isEqualTo("EMBARGO");

        assertThatThrownBy(() -> ScenarioDocuments.append(v2.document(),
                "{\"type\": \"NTB\", \"importers\": \"USA\", \"rate\": NaN}", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::path).containsExactly("events[2].rate"));
        assertThatThrownBy(() -> ScenarioDocuments.append(stored, "[1, 2]", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::path).allMatch(p -> p.startsWith("events[1]")));
    }

    @Test
    void malformedTextIsToldApartFromInvalidFields() {
        String stored = ScenarioDocuments.validate(DOC, DATA.context(), LIMITS).document();
        assertThatThrownBy(() -> ScenarioDocuments.validate("{\"name\": ", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.malformed()).isTrue());
        assertThatThrownBy(() -> ScenarioDocuments.append(stored, "{\"type\": ", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.malformed()).isTrue());
        assertThatThrownBy(() -> ScenarioDocuments.append(stored, " ", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.malformed()).isTrue());
        assertThatThrownBy(() -> ScenarioDocuments.validate(DOC.replace("0.1", "-1"), DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.malformed()).isFalse());
        assertThatThrownBy(() -> ScenarioDocuments.validate("[1]", DATA.context(), LIMITS))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.malformed()).isFalse());
    }

    @Test
    void aNameOverTheLimitIsAProblemAtNameAlongsideTheOthers() {
        DocumentLimits fiveCharacters = new DocumentLimits(1 << 20, 5);
        ScenarioDocuments.validate(DOC.replace("\"t\"", "\"ééééé\""), DATA.context(), fiveCharacters);
        assertThatThrownBy(() -> ScenarioDocuments.validate(DOC.replace("\"t\"", "\"sixsix\""), DATA.context(),
                fiveCharacters))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.malformed()).isFalse();
                    assertThat(e.problems()).containsExactly(
                            new ScenarioProblem("name", "must be at most 5 characters, was 6"));
                });
        assertThatThrownBy(() -> ScenarioDocuments.validate(DOC.replace("\"t\"", "\"sixsix\"").replace("0.1", "-1"),
                DATA.context(), fiveCharacters))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .extracting(ScenarioProblem::path).containsExactly("name", "events[0].rate"));
    }

    @Test
    void aCanonicalDocumentOverTheLimitIsRefusedAsTooLarge() {
        // the short form is under the limit; with its defaults written out it is not
        int shortForm = DOC.getBytes(UTF_8).length;
        DocumentLimits tight = new DocumentLimits(shortForm, 200);
        assertThatThrownBy(() -> ScenarioDocuments.validate(DOC, DATA.context(), tight))
                .isInstanceOfSatisfying(DocumentTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(shortForm);
                    assertThat(e.getMessage()).contains("canonical form").contains("at most " + shortForm + " bytes")
                            .contains("rareearth.scenario.max-document-bytes");
                });
        String stored = ScenarioDocuments.validate(DOC, DATA.context(), LIMITS).document();
        DocumentLimits justTheStored = new DocumentLimits(stored.getBytes(UTF_8).length, 200);
        assertThatThrownBy(() -> ScenarioDocuments.append(stored, "{\"type\": \"EMBARGO\", \"exporters\": \"CHN\", "
                + "\"importers\": \"*\"}", DATA.context(), justTheStored))
                .isInstanceOf(DocumentTooLargeException.class);
    }
}
