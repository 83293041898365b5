package org.rareearth.scenario.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rareearth.scenario.core.DocumentTooLargeException;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.ScenarioArchivedException;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher.PublishFailedException;
import org.rareearth.shared.scenario.ScenarioException;

/** Every error as a JSON body that says what and where, never a stack trace. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final int UNPROCESSABLE = 422;

    public record Problem(String path, String message) {
    }

    /**
     * No JSON document at all (empty, not well-formed) is a bad request; a well-formed document whose
     * fields are invalid is unprocessable content.
     */
    @ServerExceptionMapper
    public Response invalid(ScenarioException e) {
        List<Problem> problems = e.problems().stream().map(p -> new Problem(p.path(), p.message())).toList();
        return json(e.malformed() ? Response.Status.BAD_REQUEST.getStatusCode() : UNPROCESSABLE,
                Map.of("problems", problems));
    }

    @ServerExceptionMapper
    public Response tooLarge(DocumentTooLargeException e) {
        LOG.infof("scenario document refused: %s", e.getMessage());
        return json(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                Map.of("error", e.getMessage(), "limit", e.limit()));
    }

    @ServerExceptionMapper
    public Response notFound(ScenarioNotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
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
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage(),
                "id", e.request().scenarioId(), "version", e.request().version()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()
                ? "unsupported or missing Content-Type: send the scenario document or policy event as application/json"
                : String.valueOf(e.getMessage());
        return json(Response.Status.fromStatusCode(status) == null ? Response.Status.BAD_REQUEST.getStatusCode()
                : status, Map.of("error", message));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName()
                + " (see the service log)");
    }

    private static Response error(Response.Status status, String message) {
        return json(status, Map.of("error", message));
    }

    private static Response json(Response.Status status, Object body) {
        return json(status.getStatusCode(), body);
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
