package org.rareearth.scenario.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.scenario.ScenarioContext;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioProblem;
import org.rareearth.shared.scenario.ScenarioReader;
import org.rareearth.shared.scenario.ScenarioWriter;

/**
 * Scenario documents (MODEL.md 11) as the service stores and publishes them. Validation is
 * {@link ScenarioReader}'s; the stored form is {@link ScenarioWriter}'s (defaults written out), so
 * every consumer reads the same explicit document whatever shorthand the analyst used.
 */
public final class ScenarioDocuments {

    /** Reads like {@link ScenarioReader} (NaN/Infinity literals, duplicate keys refused) and writes NaN back as a number. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private ScenarioDocuments() {
    }

    /** A validated scenario and its canonical JSON text. */
    public record Validated(Scenario scenario, String document) {
    }

    /**
     * Validates a whole document, including the limits of the service: a name over
     * {@link DocumentLimits#maxNameLength()} is one more problem at {@code name}; a canonical form over
     * {@link DocumentLimits#maxDocumentBytes()} is refused as too large.
     *
     * @throws ScenarioException         naming every invalid field
     * @throws DocumentTooLargeException the canonical document is over the limit
     */
    public static Validated validate(String json, ScenarioContext context, DocumentLimits limits) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(json, context);
        } catch (ScenarioException e) {
            throw e.malformed() ? e : withNameProblem(e, json, limits);
        }
        limits.nameProblem(scenario.name()).ifPresent(p -> {
            throw new ScenarioException(List.of(p));
        });
        Validated validated = new Validated(scenario, ScenarioWriter.toJson(scenario));
        limits.checkCanonical(validated.document());
        return validated;
    }

    /** The reader's problems and, first (the name leads a document), a name that is too long. */
    private static ScenarioException withNameProblem(ScenarioException e, String json, DocumentLimits limits) {
        JsonNode name;
        try {
            name = MAPPER.readTree(json).get("name");
        } catch (JsonProcessingException notReadable) {
            return e;
        }
        if (name == null || !name.isTextual()) {
            return e;
        }
        return limits.nameProblem(name.textValue()).map(p -> {
            List<ScenarioProblem> problems = new ArrayList<>();
            problems.add(p);
            problems.addAll(e.problems());
            return new ScenarioException(problems);
        }).orElse(e);
    }

    /**
     * The previous document with one policy event appended at the end of its {@code events}, validated
     * as a whole: a problem of the new event is reported under its place in the new document, e.g.
     * {@code events[3].rate}.
     *
     * @throws ScenarioException         naming every invalid field (also of the earlier document, should it
     *                                   no longer fit the latest data)
     * @throws DocumentTooLargeException the new document is over the limit
     */
    public static Validated append(String previousDocument, String eventJson, ScenarioContext context,
                                   DocumentLimits limits) {
        ObjectNode document;
        try {
            document = (ObjectNode) MAPPER.readTree(previousDocument);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored scenario document is not a JSON object", e);
        }
        JsonNode existing = document.get("events");
        ArrayNode events = existing instanceof ArrayNode a ? a : document.putArray("events");
        String path = "events[" + events.size() + "]";
        if (eventJson == null || eventJson.isBlank()) {
            throw ScenarioException.malformed(new ScenarioProblem(path, "empty body, expected one policy event object"));
        }
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ScenarioException.malformed(new ScenarioProblem(path, "malformed JSON" + where + ": "
                    + e.getOriginalMessage()));
        }
        events.add(event);
        try {
            return validate(MAPPER.writeValueAsString(document), context, limits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document cannot be written back as JSON", e);
        }
    }

    /** Parses stored JSON text (a document or a read-model column) as a tree; {@code null} stays null. */
    public static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
