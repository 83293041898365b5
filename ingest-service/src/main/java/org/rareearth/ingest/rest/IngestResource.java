package org.rareearth.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.rareearth.kit.http.Problem;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rareearth.shared.auth.Roles;
import org.rareearth.ingest.service.IngestJob;
import org.rareearth.ingest.service.IngestJobs;
import org.rareearth.ingest.service.IngestStatus;

/** Progress of running ingests and the outcome of recent ones; cancelling one. */
@Path("/ingests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingests", description = "Progress of ingests (rows read, accepted, rejected, time left) and cancelling")
public class IngestResource {

    @Inject
    IngestJobs jobs;

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Running ingests, then recently finished ones (newest first)")
    public List<IngestStatus> list() {
        return jobs.list();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{id}")
    @Operation(summary = "One ingest: state, rows read/accepted/rejected/skipped, bytes, rate, estimated time left")
    @APIResponse(responseCode = "404", description = "unknown (or long finished) ingest")
    public IngestStatus get(@PathParam("id") String id) {
        return job(id).status();
    }

    @DELETE
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{id}")
    @Operation(summary = "Cancel an ingest while it is received or read",
            description = "Nothing of a cancelled ingest is stored. Once it is storing (one transaction) or publishing, "
                    + "it can no longer be cancelled.")
    @APIResponse(responseCode = "202", description = "cancellation requested; the state becomes CANCELLED")
    @APIResponse(responseCode = "409", description = "finished, storing or publishing")
    public Response cancel(@PathParam("id") String id) {
        IngestJob job = job(id);
        IngestJob.State state = job.state();
        if (!job.running() || (state != IngestJob.State.RECEIVING && state != IngestJob.State.READING)) {
            return Problem.of(Response.Status.CONFLICT.getStatusCode(),
                    "ingest " + id + " is " + state + ": it can no longer be cancelled").response();
        }
        job.progress().cancel();
        return Response.accepted(job.status()).build();
    }

    private IngestJob job(String id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("no ingest " + id));
    }
}
