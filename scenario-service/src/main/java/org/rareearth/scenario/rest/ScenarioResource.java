package org.rareearth.scenario.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.core.ScenarioStatus;
import org.rareearth.scenario.persistence.ForecastStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.ScenarioView;
import org.rareearth.scenario.persistence.StoredRequest;

/** The analysts' API: scenario documents (MODEL.md 11), their policy events, status and forecast. */
@Path("/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios")
public class ScenarioResource {

    @Inject
    ScenarioCommands commands;

    @Inject
    ScenarioStore scenarios;

    @Inject
    ForecastStore forecasts;

    public record Accepted(String id, int version, String status) {
    }

    public record Summary(String id, String name, int version, String status, boolean archived) {
    }

    public record Detail(String id, String name, int version, String status, String reason, boolean archived,
                         JsonNode document) {
    }

    public record Status(String id, int version, String status, String reason, int expected, int received,
                         String datasetVersion) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Create a scenario from a scenario document (version 1), validated against the latest data")
    @RequestBody(description = "scenario document, MODEL.md section 11")
    @APIResponse(responseCode = "201", description = "{id, version, status}")
    @APIResponse(responseCode = "400", description = "{problems:[{path,message}]}")
    @APIResponse(responseCode = "409", description = "no trade data ingested yet")
    public Response create(String document) {
        StoredRequest stored = commands.create(document);
        return Response.created(URI.create("/scenarios/" + stored.scenarioId()))
                .entity(new Accepted(stored.scenarioId(), stored.version(), label(stored.status()))).build();
    }

    @GET
    @Operation(summary = "Every scenario with its current version and status")
    public List<Summary> list() {
        return scenarios.list().stream()
                .map(s -> new Summary(s.id(), s.name(), s.version(), s.status().label(), s.archived())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A scenario's current version and its document")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Detail get(@PathParam("id") String id) {
        ScenarioView s = view(id);
        return new Detail(s.id(), s.name(), s.version(), s.status().label(), s.reason(), s.archived(),
                ScenarioDocuments.tree(s.document()));
    }

    @POST
    @Path("{id}/events")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Append one policy event: a new scenario version, validated as a whole and published")
    @RequestBody(description = "one policy event object, as in the document's events array")
    @APIResponse(responseCode = "201", description = "{id, version, status}")
    @APIResponse(responseCode = "400", description = "{problems:[{path,message}]}, paths as in the new document")
    @APIResponse(responseCode = "404", description = "unknown id")
    @APIResponse(responseCode = "409", description = "scenario archived")
    public Response appendEvent(@PathParam("id") String id, String event) {
        StoredRequest stored = commands.appendEvent(id, event);
        return Response.created(URI.create("/scenarios/" + id))
                .entity(new Accepted(stored.scenarioId(), stored.version(), label(stored.status()))).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Archive a scenario (published with archived=true; it takes no further events)")
    @APIResponse(responseCode = "204", description = "archived")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Response archive(@PathParam("id") String id) {
        commands.archive(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "Computation status of the current version: pending, computing, ready or failed")
    public Status status(@PathParam("id") String id) {
        ScenarioView s = view(id);
        return new Status(s.id(), s.version(), s.status().label(), s.reason(), s.expected(), s.received(),
                s.datasetVersion());
    }

    @GET
    @Path("{id}/forecast")
    @Operation(summary = "Forecast of the current version when ready: per product and year prices, flows, welfare, network")
    @APIResponse(responseCode = "409", description = "{status} when the version is not ready")
    public Response forecast(@PathParam("id") String id) {
        ScenarioView s = view(id);
        if (s.status() != ScenarioStatus.READY) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", s.id());
            body.put("version", s.version());
            body.put("status", s.status().label());
            body.put("reason", s.reason());
            body.put("error", "the forecast of version " + s.version() + " is not ready (status " + s.status().label() + ")");
            return Response.status(Response.Status.CONFLICT).entity(body).build();
        }
        ObjectNode forecast = forecasts.forecast(s.id(), s.version(), s.datasetVersion());
        return Response.ok(forecast).build();
    }

    private ScenarioView view(String id) {
        return scenarios.find(id).orElseThrow(() -> new ScenarioNotFoundException(id));
    }

    private static String label(String status) {
        return ScenarioStatus.valueOf(status).label();
    }
}
