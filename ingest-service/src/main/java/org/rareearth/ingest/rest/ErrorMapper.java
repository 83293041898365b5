package org.rareearth.ingest.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rareearth.tradedata.UploadRejectedException;
import org.rareearth.ingest.service.DatasetNotFoundException;
import org.rareearth.tradedata.IngestCancelledException;
import org.rareearth.ingest.service.PublishFailedException;

/** Every error as a JSON body {@code {error, ...}} that says what and where, never a stack trace. */
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("reason", e.reason().name());
        return json(status, body);
    }

    @ServerExceptionMapper
    public Response cancelled(IngestCancelledException e) {
        return json(Response.Status.CONFLICT.getStatusCode(), Map.of("error", e.getMessage(), "reason", "CANCELLED"));
    }

    @ServerExceptionMapper
    public Response notFound(DatasetNotFoundException e) {
        return json(Response.Status.NOT_FOUND.getStatusCode(), Map.of("error", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unpublished(PublishFailedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("version", e.outcome().version());
        body.put("pending", e.outcome().pending());
        body.put("acknowledged", e.outcome().acknowledged());
        return json(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), body);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode()
                ? "unsupported Content-Type: send a ZIP archive as application/zip, one UN Comtrade CSV export as "
                        + "text/csv, or CSV files as multipart/form-data"
                : String.valueOf(e.getMessage());
        return json(status, Map.of("error", message));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return json(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), Map.of("error", "internal error: "
                + e.getClass().getSimpleName() + " (see the service log)"));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
