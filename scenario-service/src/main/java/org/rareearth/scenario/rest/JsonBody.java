package org.rareearth.scenario.rest;

import jakarta.ws.rs.NotSupportedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.rareearth.kit.http.JsonLimits;
import org.rareearth.scenario.core.DocumentTooLargeException;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioProblem;

/**
 * A JSON request body read as UTF-8 text, at most {@code maxBytes} of it: a declared
 * {@code Content-Length} over the limit is refused before anything is read, and a body without one
 * is read no further than one byte past the limit. The resource's {@code @Consumes} refuses another
 * Content-Type; a body without any is refused here (a browser sends one cross-site without a
 * preflight).
 */
final class JsonBody {

    private JsonBody() {
    }

    /**
     * @param contentType the request's Content-Type header
     * @param what        what the body is, for the messages ("the scenario document")
     * @param path        field path of the body in the document, for a problem of its encoding
     * @throws NotSupportedException     no Content-Type (415)
     * @throws DocumentTooLargeException over the limit
     * @throws ScenarioException         not UTF-8 text (a malformed document)
     */
    static String read(String contentType, InputStream body, Long contentLength, int maxBytes, String what,
                       String path) {
        if (contentType == null || contentType.isBlank()) {
            throw new NotSupportedException("no Content-Type");
        }
        if (contentLength != null && contentLength > maxBytes) {
            throw new DocumentTooLargeException(what + " is " + contentLength + " bytes", maxBytes);
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new DocumentTooLargeException(what + " is more than " + maxBytes + " bytes", maxBytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ScenarioException.malformed(new ScenarioProblem(path, "malformed JSON: the body is not UTF-8 text"));
        }
    }

    /**
     * Refuses a body that breaks the JSON limits (nesting depth, string and number length;
     * rareearth.limits.json-*) before any parser builds a tree of it: a malformed document (400)
     * whose problem names the limit.
     */
    static void checkLimits(JsonLimits limits, String json, String path) {
        limits.broken(json).ifPresent(limit -> {
            throw ScenarioException.malformed(new ScenarioProblem(path, limit));
        });
    }
}
