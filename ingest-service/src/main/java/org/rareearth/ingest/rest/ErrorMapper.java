package org.rareearth.ingest.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rareearth.kit.http.Problem;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.ingest.service.DatasetNotFoundException;
import org.rareearth.tradedata.IngestCancelledException;
import org.rareearth.ingest.service.PublishFailedException;

/**
 * This service's errors as problems (service-kit Problem: type, title, status, detail, and
 * {@code error} as before, plus {@code reason} of a refused upload); JAX-RS errors, JSON limits,
 * 429 and unexpected failures are service-kit's ProblemMappers.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);
    private static final int UNPROCESSABLE = 422;

    @ServerExceptionMapper
    public Response rejected(UploadRejectedException e) {
        int status = switch (e.reason()) {
            case EMPTY -> Response.Status.BAD_REQUEST.getStatusCode();
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode();
            case NOT_A_ZIP, UNSAFE, NOT_A_DATASET, NOT_THE_FORMAT, TOO_MANY_ROWS, TOO_MANY_PROBLEMS, NO_USABLE_ROWS ->
                    UNPROCESSABLE;
        };
        LOG.infof("upload refused (%s): %s", e.reason(), e.getMessage());
        Map<String, Object> body = problem(status, e.getMessage());
        body.put("reason", e.reason().name());
        return json(status, body);
    }

    @ServerExceptionMapper
    public Response cancelled(IngestCancelledException e) {
        Map<String, Object> body = problem(Response.Status.CONFLICT.getStatusCode(), e.getMessage());
        body.put("reason", "CANCELLED");
        return json(Response.Status.CONFLICT.getStatusCode(), body);
    }

    @ServerExceptionMapper
    public Response notFound(DatasetNotFoundException e) {
        return Problem.ofParameter(Response.Status.NOT_FOUND.getStatusCode(), "version", e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response unpublished(PublishFailedException e) {
        Map<String, Object> body = problem(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), e.getMessage());
        body.put("version", e.outcome().version());
        body.put("pending", e.outcome().pending());
        body.put("acknowledged", e.outcome().acknowledged());
        return json(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), body);
    }

    /** The one 415 this service answers in its own words: what an upload may be. */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return json(Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode(), problem(
                Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode(), "unsupported Content-Type: send a ZIP archive as "
                        + "application/zip, one UN Comtrade CSV export as text/csv, or CSV files as multipart/form-data"));
    }

    /** The problem members (service-kit Problem: type, title, status, detail, error), to which an answer adds its own. */
    private static Map<String, Object> problem(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        Problem p = Problem.of(status, detail);
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        return body;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
