package org.rareearth.kit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error body of every service (RFC 9457 members {@code type, title, status, detail}):
 * what went wrong and, in {@code field} or {@code parameter}, where. {@code error} repeats
 * {@code detail}: it is the member clients and tests of the services read since before the
 * problem format. Never a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String error, String field,
                      String parameter) {

    /** No further documentation per problem type: the title (the status's reason phrase) says it. */
    public static final String TYPE = "about:blank";

    public static Problem of(int status, String detail) {
        return new Problem(TYPE, title(status), status, detail, detail, null, null);
    }

    /** A problem with a request parameter (path or query) named {@code parameter}. */
    public static Problem ofParameter(int status, String parameter, String detail) {
        return new Problem(TYPE, title(status), status, detail, detail, null, parameter);
    }

    /** A problem with a field of the JSON body at {@code field} (a path like {@code events[0].rate}). */
    public static Problem ofField(int status, String field, String detail) {
        return new Problem(TYPE, title(status), status, detail, detail, field, null);
    }

    /** The answer carrying this problem, as JSON. */
    public Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(this).build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
