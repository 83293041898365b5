package org.rareearth.simulation.rest;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.rareearth.shared.auth.Roles;
import org.rareearth.simulation.persistence.ResultRecord;
import org.rareearth.simulation.persistence.SimulationStore;

/** The stored results of the scenarios this service solved. */
@Path("/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    /**
     * The product segment of a result that concerns no single product (the scenario could not be
     * read, or no data set was there to solve it on): such a result is stored without a product.
     */
    public static final String NO_PRODUCT = "none";
    private static final Pattern HS6 = Pattern.compile("\\d{6}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    /** A data-set version (ingest writes sha256:<hex>; tests and tools may name theirs): no path, no quote. */
    private static final Pattern DATASET_VERSION = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9:._-]{0,99}");

    @Inject
    SimulationStore store;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/{scenarioId}")
    @Operation(summary = "Every result of a scenario: latest scenario version first, then the newest data set,"
            + " by product and year",
            description = "Status rows only; each row's href is the path of its full result (the SimulationResultEvent"
                    + " with both solutions), GET /results/{scenarioId}/{version}/{product}/{year}?datasetVersion=..;"
                    + " product 'none' for a failure that concerns no single product")
    @APIResponse(responseCode = "200", description = "[{scenarioVersion,datasetVersion,product,year,status,error,href}]")
    @APIResponse(responseCode = "404", description = "no request and no result of this scenario")
    public Response list(@PathParam("scenarioId") String scenarioId) {
        Response refused = RequestProblems.badScenarioId(scenarioId);
        if (refused != null) {
            return refused;
        }
        List<ResultRecord> rows = store.results(scenarioId);
        if (rows.isEmpty() && store.request(scenarioId).isEmpty()) {
            return RequestProblems.response(Response.Status.NOT_FOUND, "unknown scenario '" + scenarioId + "'");
        }
        // rows come in computing order: a data set computed later is newer data
        Map<String, Long> datasetRecency = new HashMap<>();
        rows.forEach(r -> datasetRecency.merge(r.datasetVersion, r.seq, Math::max));
        List<ResultSummary> out = rows.stream()
                .sorted(Comparator.<ResultRecord>comparingInt(r -> -r.scenarioVersion)
                        .thenComparing(r -> -datasetRecency.get(r.datasetVersion))
                        .thenComparing(r -> r.product == null ? "" : r.product)
                        .thenComparingInt(r -> r.year))
                .map(r -> ResultSummary.of(scenarioId, r.scenarioVersion, r.datasetVersion, r.product, r.year, r.status,
                        r.error))
                .toList();
        return Response.ok(out).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/{scenarioId}/{version}/{product}/{year}")
    @Operation(summary = "One SimulationResultEvent (the newest data-set version unless datasetVersion is given)",
            description = "The full result a row of GET /results/{scenarioId} links to (its href); product is an HS6"
                    + " code, or 'none' for a failure that concerns no single product")
    @APIResponse(responseCode = "200", description = "the SimulationResultEvent JSON")
    @APIResponse(responseCode = "400", description = "version, product or year malformed")
    @APIResponse(responseCode = "404", description = "no such result")
    public Response one(@PathParam("scenarioId") String scenarioId, @PathParam("version") String version,
                        @PathParam("product") String product, @PathParam("year") String year,
                        @Parameter(description = "a data-set version; default the newest with this result")
                        @QueryParam("datasetVersion") String datasetVersion) {
        Response refused = RequestProblems.badScenarioId(scenarioId);
        if (refused != null) {
            return refused;
        }
        if (datasetVersion != null && !DATASET_VERSION.matcher(datasetVersion).matches()) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "datasetVersion",
                    "query parameter datasetVersion: must be a data-set version (e.g. sha256: and 64 hex digits)");
        }
        if (!WHOLE.matcher(version).matches() || Integer.parseInt(version) < 1) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "version",
                    "path segment version: must be a whole number >= 1, was '" + version + "'");
        }
        if (!HS6.matcher(product).matches() && !NO_PRODUCT.equals(product)) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "product",
                    "path segment product: must be an HS6 code (6 digits) or '" + NO_PRODUCT + "', was '" + product + "'");
        }
        if (!WHOLE.matcher(year).matches()) {
            return RequestProblems.parameter(Response.Status.BAD_REQUEST, "year",
                    "path segment year: must be a whole number, was '" + year + "'");
        }
        Optional<ResultRecord> row = NO_PRODUCT.equals(product)
                ? withoutProduct(scenarioId, Integer.parseInt(version), Integer.parseInt(year), datasetVersion)
                : store.result(scenarioId, Integer.parseInt(version), product, Integer.parseInt(year), datasetVersion);
        return row.map(r -> Response.ok(r.event, MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> RequestProblems.response(Response.Status.NOT_FOUND, "no result for scenario '" + scenarioId
                        + "' version " + version + ", product " + product + ", year " + year
                        + (datasetVersion == null ? "" : ", data-set version " + datasetVersion)));
    }

    /** A result stored without a product; the most recently computed one unless a data-set version is given. */
    private Optional<ResultRecord> withoutProduct(String scenarioId, int version, int year, String datasetVersion) {
        return store.results(scenarioId).stream()
                .filter(r -> r.product == null && r.scenarioVersion == version && r.year == year)
                .filter(r -> datasetVersion == null || datasetVersion.equals(r.datasetVersion))
                .max(Comparator.comparingLong(r -> r.seq));
    }
}
