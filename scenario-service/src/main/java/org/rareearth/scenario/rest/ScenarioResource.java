package org.rareearth.scenario.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rareearth.kit.http.ExpensiveCalls;
import org.rareearth.kit.http.JsonLimits;
import org.rareearth.shared.auth.Roles;
import org.rareearth.scenario.core.Caller;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.scenario.core.ScenarioStatus;
import org.rareearth.scenario.persistence.ForecastStore;
import org.rareearth.scenario.persistence.ScenarioStore;
import org.rareearth.scenario.persistence.ScenarioView;
import org.rareearth.scenario.persistence.StoredRequest;
import org.rareearth.scenario.persistence.VersionRecord;

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

    @Inject
    ExpensiveCalls calls;

    @Inject
    JsonLimits jsonLimits;

    public record Accepted(String id, int version, String status) {
    }

    public record Summary(String id, String name, int version, String status, boolean archived) {
    }

    /** One page of GET /scenarios; {@code next} is the URL of the following page, null on the last. */
    public record Page(List<Summary> items, long total, int offset, int limit, String next) {
    }

    public record Detail(String id, String name, int version, String status, String reason, boolean archived,
                         JsonNode document) {
    }

    /** One version in the audit trail: who made it, when, and the policy events it added. */
    public record Version(int version, String createdBy, Instant createdAt, JsonNode eventsAdded) {
    }

    /** One page of GET /scenarios/{id}/versions, oldest first. */
    public record VersionPage(String id, String ownerTeam, boolean shared, List<Version> items, long total,
                              int offset, int limit, String next) {
    }

    /** Body of PUT /scenarios/{id}/sharing and its answer. */
    public record Sharing(Boolean shared) {
    }

    public record Status(String id, int version, String status, String reason, int expected, int received,
                         String datasetVersion) {
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a scenario from a scenario document (version 1), validated against the latest data",
            description = "Only Content-Type application/json is accepted (a browser on another site cannot send it "
                    + "without a CORS preflight). The document may be at most rareearth.scenario.max-document-bytes "
                    + "(default 1 MiB), also once its defaults are written out; the name at most "
                    + "rareearth.scenario.max-name-length characters (default 200).")
    @RequestBody(required = true, description = "scenario document, MODEL.md section 11",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "{id, version, status}")
    @APIResponse(responseCode = "400", description = "{problems:[{path,message}]}: empty body or malformed JSON")
    @APIResponse(responseCode = "409", description = "no trade data ingested yet")
    @APIResponse(responseCode = "413", description = "{error, limit}: document over rareearth.scenario.max-document-bytes")
    @APIResponse(responseCode = "415", description = "{error}: Content-Type missing or not application/json")
    @APIResponse(responseCode = "429", description = "problem with Retry-After: this client's allowance "
            + "(rareearth.limits.client-*) or the service's concurrent calls (rareearth.limits.max-concurrent) spent")
    @APIResponse(responseCode = "422", description = "{problems:[{path,message}]}: a JSON document whose fields are "
            + "invalid (every problem, each at its field path; name over the length limit at path name)")
    @APIResponse(responseCode = "503", description = "{error, id, version}: stored, but the broker did not acknowledge "
            + "it; re-sent automatically")
    public Response create(InputStream body,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @Context SecurityContext security, @Context HttpServerRequest request) {
        StoredRequest stored;
        try (ExpensiveCalls.Slot slot = calls.enter(ExpensiveCalls.client(security, request), "POST /scenarios")) {
            String document = JsonBody.read(contentType, body, contentLength, commands.limits().maxDocumentBytes(),
                    "the scenario document", "");
            JsonBody.checkLimits(jsonLimits, document, "");
            stored = commands.create(document, Callers.of(security));
        }
        return Response.created(URI.create("/scenarios/" + stored.scenarioId()))
                .entity(new Accepted(stored.scenarioId(), stored.version(), label(stored.status()))).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Operation(summary = "Scenarios with their current version and status, a page at a time (oldest first)")
    @APIResponse(responseCode = "200", description = "{items:[{id,name,version,status,archived}], total, offset, "
            + "limit, next}; next is the URL of the following page, null on the last")
    @APIResponse(responseCode = "400", description = "{error}: offset or limit not a whole number, or out of range")
    public Page list(@Parameter(description = "items to skip, >= 0 (default 0)") @QueryParam("offset") String offset,
                     @Parameter(description = "page size, " + Paging.MIN_LIMIT + ".." + Paging.MAX_LIMIT
                             + " (default " + Paging.DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
                     @Context SecurityContext security) {
        Paging paging = Paging.of(offset, limit);
        Caller caller = Callers.of(security);
        // an analyst (without a viewer's or operator's role) lists the team's own and shared scenarios
        ScenarioStore.Listing listing = ScenarioCommands.OWNERSHIP.readsEverything(caller) ? scenarios.list(paging.offset(), paging.limit())
                : scenarios.listReadableBy(caller.team(), paging.offset(), paging.limit());
        List<Summary> items = listing.items().stream()
                .map(s -> new Summary(s.id(), s.name(), s.version(), s.status().label(), s.archived())).toList();
        return new Page(items, listing.total(), paging.offset(), paging.limit(),
                paging.next(listing.total()).map(p -> "/scenarios?offset=" + p.offset() + "&limit=" + p.limit())
                        .orElse(null));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("{id}")
    @Operation(summary = "A scenario's current version and its document")
    @APIResponse(responseCode = "403", description = "an analyst and another team's scenario that is not shared")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Detail get(@PathParam("id") String id, @Context SecurityContext security) {
        ScenarioView s = view(id, security);
        return new Detail(s.id(), s.name(), s.version(), s.status().label(), s.reason(), s.archived(),
                ScenarioDocuments.tree(s.document()));
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append one policy event: a new scenario version, validated as a whole and published",
            description = "Only Content-Type application/json. The event body and the new document may each be at most "
                    + "rareearth.scenario.max-document-bytes.")
    @RequestBody(required = true, description = "one policy event object, as in the document's events array",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "{id, version, status}")
    @APIResponse(responseCode = "400", description = "{problems:[{path,message}]}: empty body or malformed JSON, "
            + "at path events[N]")
    @APIResponse(responseCode = "403", description = "another team's scenario: only its team's analysts change it")
    @APIResponse(responseCode = "404", description = "unknown id")
    @APIResponse(responseCode = "409", description = "scenario archived")
    @APIResponse(responseCode = "413", description = "{error, limit}: event or new document over "
            + "rareearth.scenario.max-document-bytes")
    @APIResponse(responseCode = "415", description = "{error}: Content-Type missing or not application/json")
    @APIResponse(responseCode = "422", description = "{problems:[{path,message}]}, paths as in the new document "
            + "(events[N]...)")
    @APIResponse(responseCode = "503", description = "{error, id, version}: stored, but the broker did not acknowledge "
            + "it; re-sent automatically")
    public Response appendEvent(@PathParam("id") String id, InputStream body,
                                @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                                @Context SecurityContext security, @Context HttpServerRequest request) {
        ScenarioIds.check(id);
        StoredRequest stored;
        try (ExpensiveCalls.Slot slot = calls.enter(ExpensiveCalls.client(security, request), "POST /scenarios/{id}/events")) {
            String event = JsonBody.read(contentType, body, contentLength, commands.limits().maxDocumentBytes(),
                    "the policy event", "events");
            JsonBody.checkLimits(jsonLimits, event, "events");
            stored = commands.appendEvent(id, event, Callers.of(security));
        }
        return Response.created(URI.create("/scenarios/" + id))
                .entity(new Accepted(stored.scenarioId(), stored.version(), label(stored.status()))).build();
    }

    @DELETE
    @RolesAllowed(Roles.ANALYST)
    @Path("{id}")
    @Operation(summary = "Archive a scenario (published with archived=true; it takes no further events)")
    @APIResponse(responseCode = "204", description = "archived")
    @APIResponse(responseCode = "403", description = "another team's scenario: only its team's analysts archive it")
    @APIResponse(responseCode = "404", description = "unknown id")
    @APIResponse(responseCode = "503", description = "{error, id, version}: archived, but the broker did not acknowledge "
            + "it; re-sent automatically")
    public Response archive(@PathParam("id") String id, @Context SecurityContext security) {
        ScenarioIds.check(id);
        commands.archive(id, Callers.of(security));
        return Response.noContent().build();
    }

    @PUT
    @RolesAllowed(Roles.ANALYST)
    @Path("{id}/sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Share a scenario with the other teams' analysts (read-only for them), or stop sharing it",
            description = "Only an analyst of the scenario's team. Not a new version: nothing is published.")
    @RequestBody(required = true, description = "{\"shared\": true|false}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Sharing.class)))
    @APIResponse(responseCode = "200", description = "{shared}")
    @APIResponse(responseCode = "400", description = "{error, field}: shared missing or not a boolean")
    @APIResponse(responseCode = "403", description = "another team's scenario")
    @APIResponse(responseCode = "404", description = "unknown id")
    public Sharing share(@PathParam("id") String id, Sharing body, @Context SecurityContext security) {
        ScenarioIds.check(id);
        if (body == null || body.shared() == null) {
            throw new jakarta.ws.rs.BadRequestException("shared: required, true or false");
        }
        commands.share(id, body.shared(), Callers.of(security));
        return new Sharing(body.shared());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("{id}/versions")
    @Operation(summary = "The audit trail: every version, oldest first, with who made it, when, and the policy events "
            + "it added (version 1: the document's events)")
    @APIResponse(responseCode = "200", description = "{id, ownerTeam, shared, items:[{version, createdBy, createdAt, "
            + "eventsAdded}], total, offset, limit, next}; createdBy null for a version stored before the audit trail")
    @APIResponse(responseCode = "400", description = "{error}: offset or limit not a whole number, or out of range")
    @APIResponse(responseCode = "403", description = "an analyst and another team's scenario that is not shared")
    @APIResponse(responseCode = "404", description = "unknown id")
    public VersionPage versions(@PathParam("id") String id,
                                @Parameter(description = "versions to skip, >= 0 (default 0)") @QueryParam("offset")
                                String offset,
                                @Parameter(description = "page size, " + Paging.MIN_LIMIT + ".." + Paging.MAX_LIMIT
                                        + " (default " + Paging.DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
                                @Context SecurityContext security) {
        ScenarioView s = view(id, security);
        Paging paging = Paging.of(offset, limit);
        ScenarioStore.Versions versions = scenarios.versions(id, paging.offset(), paging.limit());
        List<Version> items = new ArrayList<>();
        int eventsBefore = 0;
        for (VersionRecord v : versions.items()) {
            JsonNode events = ScenarioDocuments.tree(v.document()).path("events");
            int count = events.size();
            // the one before the page (fetched when offset > 0) only says how many events there were
            if (v.version() > paging.offset()) {
                ArrayNode added = JsonNodeFactory.instance.arrayNode();
                for (int i = Math.min(eventsBefore, count); i < count; i++) {
                    added.add(events.get(i));
                }
                items.add(new Version(v.version(), v.createdBy(), v.createdAt(), added));
            }
            eventsBefore = count;
        }
        return new VersionPage(s.id(), s.ownerTeam(), s.shared(), items, versions.total(), paging.offset(),
                paging.limit(), paging.next(versions.total()).map(p -> "/scenarios/" + id + "/versions?offset="
                        + p.offset() + "&limit=" + p.limit()).orElse(null));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("{id}/status")
    @Operation(summary = "Computation status of the current version: pending, computing, ready or failed")
    public Status status(@PathParam("id") String id, @Context SecurityContext security) {
        ScenarioView s = view(id, security);
        return new Status(s.id(), s.version(), s.status().label(), s.reason(), s.expected(), s.received(),
                s.datasetVersion());
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("{id}/forecast")
    @Operation(summary = "Forecast of the current version when ready: per product and year prices, flows, welfare, network")
    @APIResponse(responseCode = "409", description = "{status} when the version is not ready")
    public Response forecast(@PathParam("id") String id, @Context SecurityContext security) {
        ScenarioView s = view(id, security);
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

    private ScenarioView view(String id, SecurityContext security) {
        ScenarioIds.check(id);
        return commands.readable(id, Callers.of(security));
    }

    private static String label(String status) {
        return ScenarioStatus.valueOf(status).label();
    }
}
