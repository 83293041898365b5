package org.rareearth.ingest.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rareearth.ingest.core.ContentVersion;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.ingest.persistence.StoredProblem;
import org.rareearth.ingest.service.DatasetIngestion;
import org.rareearth.ingest.service.DatasetNotFoundException;
import org.rareearth.ingest.service.IngestResult;

/** Trade data sets in: upload a BACI-layout directory as a ZIP, list the versions and their rejected rows. */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets", description = "Trade data-set versions (BACI layout) and their rejected rows")
public class DatasetResource {

    static final String ZIP = "application/zip";

    @Inject
    DatasetIngestion ingestion;

    @Inject
    DatasetStore store;

    @POST
    @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a data set",
            description = "A ZIP of a BACI-layout directory (at the root or in one folder): BACI_*_Y<year>_*.csv, "
                    + "country_codes.csv, product_codes.csv, optional tariffs.csv and dataset.properties (its "
                    + "'notice' becomes dataNotice). The version is the content hash: the same content again creates "
                    + "nothing (200, created:false). Faulty rows are left out and listed under /problems. One "
                    + "TradeBaselineEvent per (year, product) is published on trade.baseline and acknowledged "
                    + "by the broker before the answer.")
    @RequestBody(required = true, content = @Content(mediaType = ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "new version stored and published",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "200", description = "this content is already stored (created:false)",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "400", description = "empty body")
    @APIResponse(responseCode = "413", description = "upload or unpacked archive over the configured limit")
    @APIResponse(responseCode = "422", description = "not a ZIP, unsafe entry names, or not a usable data set "
            + "(the message names the missing or faulty file)")
    @APIResponse(responseCode = "503", description = "stored, but the broker did not acknowledge every baseline")
    public Response upload(InputStream body,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
        IngestResult result = ingestion.ingestUpload(body, contentLength);
        UploadResponse answer = UploadResponse.of(result);
        if (!result.created()) {
            return Response.ok(answer).build();
        }
        return Response.created(UriBuilder.fromResource(DatasetResource.class).path(answer.version()).build())
                .entity(answer).build();
    }

    @GET
    @Operation(summary = "Every stored data-set version, newest first")
    public List<DatasetSummary> list() {
        return store.list();
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "One data-set version", description = "The version may be given with or without 'sha256:'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DatasetSummary.class)))
    @APIResponse(responseCode = "404", description = "unknown version")
    public DatasetSummary get(@PathParam("version") String version) {
        String v = ContentVersion.normalise(version);
        return store.find(v).orElseThrow(() -> new DatasetNotFoundException(v));
    }

    @GET
    @Path("/{version}/problems")
    @Operation(summary = "Rejected rows of a data-set version",
            description = "Every problem in reading order: file, line (header = 1), column (null = whole row), message.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = StoredProblem.class)))
    @APIResponse(responseCode = "404", description = "unknown version")
    public List<StoredProblem> problems(@PathParam("version") String version) {
        String v = ContentVersion.normalise(version);
        if (store.find(v).isEmpty()) {
            throw new DatasetNotFoundException(v);
        }
        return store.problems(v);
    }
}
