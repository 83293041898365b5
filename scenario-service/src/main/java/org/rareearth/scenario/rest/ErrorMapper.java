package org.rareearth.scenario.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rareearth.kit.http.Problem;
import org.rareearth.scenario.core.DocumentTooLargeException;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.ScenarioAccessDeniedException;
import org.rareearth.scenario.core.ScenarioArchivedException;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher.PublishFailedException;
import org.rareearth.shared.scenario.ScenarioException;

/**
 * This service's errors as problems (service-kit {@link Problem}: status, title, detail, and
 * {@code error} as before); a document's problems also as {@code problems:[{path,message}]}.
 * JAX-RS errors, JSON limits and unexpected failures are service-kit's ProblemMappers.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final int UNPROCESSABLE = 422;

    /** One problem of a scenario document, at its field path. */
    public record FieldProblem(String path, String message) {
    }

    /**
     * No JSON document at all (empty, not well-formed) is a bad request; a well-formed document whose
     * fields are invalid is unprocessable content.
     */
    @ServerExceptionMapper
    public Response invalid(ScenarioException e) {
        List<FieldProblem> problems = e.problems().stream().map(p -> new FieldProblem(p.path(), p.message())).toList();
        int status = e.malformed() ? Response.Status.BAD_REQUEST.getStatusCode() : UNPROCESSABLE;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE);
        body.put("title", Problem.of(status, "").title());
        body.put("status", status);
        String detail = problems.isEmpty() ? "invalid scenario document"
                : (problems.get(0).path().isEmpty() ? "" : problems.get(0).path() + ": ") + problems.get(0).message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        body.put("detail", detail);
        body.put("error", detail);
        if (!problems.isEmpty()) {
            body.put("field", problems.get(0).path());
        }
        body.put("problems", problems);
        return json(status, body);
    }

    @ServerExceptionMapper
    public Response tooLarge(DocumentTooLargeException e) {
        LOG.infof("scenario document refused: %s", e.getMessage());
        Map<String, Object> body = problemBody(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), e.getMessage());
        body.put("limit", e.limit());
        return json(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), body);
    }

    @ServerExceptionMapper
    public Response notFound(ScenarioNotFoundException e) {
        return Problem.ofParameter(Response.Status.NOT_FOUND.getStatusCode(), "id", e.getMessage()).response();
    }

    /** Another team's scenario: the problem names the rule and the teams, at parameter id. */
    @ServerExceptionMapper
    public Response denied(ScenarioAccessDeniedException e) {
        return Problem.ofParameter(Response.Status.FORBIDDEN.getStatusCode(), "id", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response archived(ScenarioArchivedException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    /** GET /catalog answers 404 (nothing to show); a POST that needs the data answers 409 (try again later). */
    @ServerExceptionMapper
    public Response noData(NoTradeDataException e, jakarta.ws.rs.core.Request request) {
        Response.Status status = "GET".equals(request.getMethod()) ? Response.Status.NOT_FOUND : Response.Status.CONFLICT;
        return error(status, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unpublished(PublishFailedException e) {
        if (e.refused()) {
            LOG.error(e.getMessage());
        } else {
            LOG.warn(e.getMessage());
        }
        Map<String, Object> body = problemBody(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
        body.put("id", e.request().scenarioId());
        body.put("version", e.request().version());
        return json(Response.Status.SERVICE_UNAVAILABLE, body);
    }

    /** The one 415 this service answers in its own words: its bodies are JSON documents. */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "unsupported or missing Content-Type: send the scenario document or policy event as application/json");
    }

    private static Response error(Response.Status status, String message) {
        return Problem.of(status.getStatusCode(), message).response();
    }

    /** The problem members, to which an answer adds its own (limit, id, version). */
    private static Map<String, Object> problemBody(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE);
        body.put("title", Problem.of(status, detail).title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        return body;
    }

    private static Response json(Response.Status status, Object body) {
        return json(status.getStatusCode(), body);
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
