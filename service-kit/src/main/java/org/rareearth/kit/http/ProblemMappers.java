package org.rareearth.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answers every service gives for errors it does not map itself: JAX-RS errors (unknown
 * path under a resource, method not allowed, unsupported media type, a BadRequestException with
 * its message), JSON bodies that Jackson cannot read or that break the JSON limits, and anything
 * unexpected (500, logged here, never described in the body).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int UNPROCESSABLE = 422;
    private static final int TOO_MANY = 429;

    @Inject
    JsonLimits jsonLimits;

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder answer = Response.fromResponse(problem(status, detail(e, status, uri)).response());
        if (e instanceof NotAllowedException) {
            answer.header(HttpHeaders.ALLOW, String.join(", ", e.getResponse().getAllowedMethods()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException limit) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), jsonLimits.describe(limit))
                    .response();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.ofField(UNPROCESSABLE, path(unknown), "unknown field '" + unknown.getPropertyName() + "'")
                    .response();
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) e;
            String field = path(mapping);
            return Problem.ofField(UNPROCESSABLE, field, field.isEmpty()
                    ? "the JSON body has the wrong shape (an object with the documented fields expected)"
                    : "field " + field + ": wrong type or value").response();
        }
        // not well-formed: Jackson's own sentence says where (line, column), not which class read it
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return Problem.of(Response.Status.BAD_REQUEST.getStatusCode(), "malformed JSON" + where).response();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e) {
        return Response.fromResponse(Problem.of(TOO_MANY, e.getMessage()).response())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                "internal error (see the service log)").response();
    }

    private static Problem problem(int status, String detail) {
        return Problem.of(status, detail);
    }

    private static String detail(WebApplicationException e, int status, UriInfo uri) {
        if (status == Response.Status.NOT_FOUND.getStatusCode()) {
            return "no resource at " + uri.getPath();
        }
        if (status == Response.Status.METHOD_NOT_ALLOWED.getStatusCode()) {
            return "method not allowed on " + uri.getPath() + "; allowed: "
                    + String.join(", ", e.getResponse().getAllowedMethods());
        }
        if (status == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()) {
            return "unsupported or missing Content-Type (see the API description at /q/openapi)";
        }
        if (status == Response.Status.NOT_ACCEPTABLE.getStatusCode()) {
            return "no representation for the Accept header; this service answers application/json";
        }
        // the application's own messages (BadRequestException("offset must be >= 0 ...")) are meant for clients
        return e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? Problem.title(status) : e.getMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
