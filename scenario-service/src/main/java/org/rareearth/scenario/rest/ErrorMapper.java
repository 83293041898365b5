package org.rareearth.scenario.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rareearth.scenario.core.NoTradeDataException;
import org.rareearth.scenario.core.ScenarioArchivedException;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.messaging.ScenarioRequestPublisher.PublishFailedException;
import org.rareearth.shared.scenario.ScenarioException;

/** Every error as a JSON body that says what and where, never a stack trace. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    public record Problem(String path, String message) {
    }

    @ServerExceptionMapper
    public Response invalid(ScenarioException e) {
        List<Problem> problems = e.problems().stream().map(p -> new Problem(p.path(), p.message())).toList();
        return json(Response.Status.BAD_REQUEST, Map.of("problems", problems));
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
        LOG.warn(e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage(),
                "id", e.request().scenarioId(), "version", e.request().version()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(Response.Status.fromStatusCode(status) == null ? Response.Status.BAD_REQUEST
                : Response.Status.fromStatusCode(status), Map.of("error", String.valueOf(e.getMessage())));
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
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
