package org.rareearth.network.rest;

import org.rareearth.kit.http.RequestProblems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rareearth.shared.auth.Roles;
import org.rareearth.network.persistence.MetricsRecord;
import org.rareearth.network.persistence.MetricsStore;

/**
 * The stored {@code network.metrics} events, as the JSON that was published (the contract in
 * README.md), for dashboards and the scenario forecast.
 */
@Path("/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private static final Pattern HS6 = Pattern.compile("\\d{6}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    @Inject
    MetricsStore store;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/observed")
    @Operation(summary = "Observed network metrics of one product: one NetworkMetricsEvent per year of the newest"
            + " data-set version that has the product, ascending by year (empty when none)")
    @APIResponse(responseCode = "200", description = "[NetworkMetricsEvent]")
    @APIResponse(responseCode = "400", description = "product missing or not an HS6 code")
    public Response observed(@Parameter(description = "HS6 product code, e.g. 850511", required = true)
                             @QueryParam("product") String product) {
        if (product == null || product.isBlank()) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "product",
                    "query parameter product: required, an HS6 code (6 digits, e.g. 850511)");
        }
        if (!HS6.matcher(product).matches()) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "product",
                    "query parameter product: must be an HS6 code (6 digits, e.g. 850511), was '" + product + "'");
        }
        return events(store.observedSeries(product));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/{scenarioId}")
    @Operation(summary = "Simulated network metrics of one scenario version (the latest when version is omitted),"
            + " on the newest data-set version it was computed on, by product and year")
    @APIResponse(responseCode = "200", description = "[NetworkMetricsEvent]")
    @APIResponse(responseCode = "400", description = "version is not a whole number >= 1")
    @APIResponse(responseCode = "404", description = "no metrics for this scenario (or this version)")
    public Response scenario(@PathParam("scenarioId") String scenarioId,
                             @Parameter(description = "scenario version; default the latest with metrics")
                             @QueryParam("version") String version) {
        Response refused = RequestProblems.badScenarioId(scenarioId);
        if (refused != null) {
            return refused;
        }
        Integer asked = null;
        if (version != null) {
            if (!WHOLE.matcher(version).matches() || Integer.parseInt(version) < 1) {
                return RequestProblems.parameter(Response.Status.BAD_REQUEST, "version",
                        "query parameter version: must be a whole number >= 1, was '" + version + "'");
            }
            asked = Integer.parseInt(version);
        }
        Optional<Integer> chosen = asked != null ? Optional.of(asked) : store.latestVersion(scenarioId);
        List<MetricsRecord> rows = chosen.map(v -> store.scenarioMetrics(scenarioId, v)).orElse(List.of());
        if (rows.isEmpty()) {
            return RequestProblems.response(Response.Status.NOT_FOUND, "no network metrics for scenario '" + scenarioId + "'"
                    + (asked == null ? "" : " version " + asked));
        }
        return events(rows);
    }

    /** The stored event texts as one JSON array, exactly as they were published. */
    private static Response events(List<MetricsRecord> rows) {
        String body = rows.stream().map(r -> r.event).collect(Collectors.joining(",", "[", "]"));
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
