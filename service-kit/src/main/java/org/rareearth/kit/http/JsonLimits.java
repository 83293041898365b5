package org.rareearth.kit.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * JSON nesting depth, string and number length limits ({@code rareearth.limits.json-*}) for the
 * ObjectMapper that reads request bodies, and for services that read a body as text themselves
 * (scenario documents) a streaming check of the same limits before the text is parsed.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    /**
     * Read from the configuration directly, not through {@link EdgeLimits}: Quarkus builds its
     * ObjectMapper (and so this customizer) while starting, before config mappings exist.
     */
    private final Values limits = new Values(setting("json-max-depth", 64), setting("json-max-string-length", 1_048_576),
            setting("json-max-number-length", 100));

    private record Values(int jsonMaxDepth, int jsonMaxStringLength, int jsonMaxNumberLength) {
    }

    private static int setting(String name, int absent) {
        return ConfigProvider.getConfig().getOptionalValue("rareearth.limits." + name, Integer.class).orElse(absent);
    }

    public StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(limits.jsonMaxDepth())
                .maxStringLength(limits.jsonMaxStringLength()).maxNumberLength(limits.jsonMaxNumberLength()).build();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
    }

    /**
     * The limit {@code json} breaks, as a sentence naming it; empty when it keeps them all (or is
     * not well-formed: that is for the parser that reads it to say).
     */
    public Optional<String> broken(String json) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        try (JsonParser parser = factory.createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken().isScalarValue()) {
                    parser.getText(); // a string or number is checked against its limit when it is read
                }
            }
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            return Optional.of(describe(e));
        } catch (IOException notWellFormed) {
            return Optional.empty();
        }
    }

    /** Which limit a parse broke, in the terms of the configuration (Jackson's own text names its classes). */
    public String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "JSON nested deeper than " + limits.jsonMaxDepth() + " levels (rareearth.limits.json-max-depth)";
        }
        if (message.contains("String value length")) {
            return "a JSON string is longer than " + limits.jsonMaxStringLength()
                    + " characters (rareearth.limits.json-max-string-length)";
        }
        if (message.contains("Number value length")) {
            return "a JSON number is longer than " + limits.jsonMaxNumberLength()
                    + " characters (rareearth.limits.json-max-number-length)";
        }
        return "the JSON body exceeds a read limit (rareearth.limits.json-*)";
    }
}
