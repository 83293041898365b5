package org.rareearth.ingest.rest;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import io.vertx.core.http.HttpServerRequest;
import org.rareearth.kit.http.ExpensiveCalls;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rareearth.shared.auth.Roles;
import org.rareearth.tradedata.ContentVersion;
import org.rareearth.ingest.persistence.Activation;
import org.rareearth.ingest.persistence.DatasetStore;
import org.rareearth.ingest.persistence.DatasetSummary;
import org.rareearth.ingest.persistence.StoredProblem;
import org.rareearth.ingest.service.CurrentDataset;
import org.rareearth.ingest.service.DatasetIngestion;
import org.rareearth.ingest.service.DatasetIngestion.Received;
import org.rareearth.ingest.service.DatasetIngestion.UploadedFile;
import org.rareearth.ingest.service.DatasetNotFoundException;
import org.rareearth.ingest.service.IngestResult;

/**
 * Trade data sets in: CEPII BACI files (ZIP archive, or the CSV files in one multipart upload) and
 * UN Comtrade CSV exports; the stored versions, their rejected rows and their reports.
 */
@Path("/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets", description = "Trade data-set versions (BACI, UN Comtrade), rejected rows, reports")
public class DatasetResource {

    /** A data-set version: the SHA-256 of its content. */
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");
    /** How much of an unknown version a 404 repeats. */
    private static final int MAX_ECHO = 80;
    private static final String UPLOAD = "POST /datasets";

    @Inject
    ExpensiveCalls calls;


    static final String ZIP = "application/zip";
    static final String CSV = "text/csv";
    /** RFC 7240: answer 202 at once and let the client follow /ingests/{id}. */
    static final String RESPOND_ASYNC = "respond-async";
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");
    private static final Logger LOG = Logger.getLogger(DatasetResource.class);

    @Inject
    DatasetIngestion ingestion;

    @Inject
    DatasetStore store;

    @Inject
    CurrentDataset currentDataset;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a ZIP archive",
            description = "CEPII's BACI archive as shipped (BACI_<HS>_Y<year>_<release>.csv, country_codes_<release>.csv, "
                    + "product_codes_<HS>_<release>.csv), a zipped BACI-layout folder, or zipped UN Comtrade CSV exports; "
                    + "optional dataset.properties with a 'notice'. Read without unpacking; only the configured products "
                    + "(rareearth.ingest.products) are kept. The new version becomes current (GET /datasets/current) when it "
                    + "has every product and year of the current one; otherwise it is stored with current:false and "
                    + "notCurrentReason. The version is the content hash: the same content again creates "
                    + "nothing (200, created:false). Faulty rows are left out and listed under /problems. One "
                    + "TradeBaselineEvent per (year, product) is published on trade.baseline and acknowledged by the "
                    + "broker before the answer. With 'Prefer: respond-async' the answer is 202 once the body is "
                    + "received, with Location /ingests/{id}.")
    @RequestBody(required = true, content = @Content(mediaType = ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "new version stored and published",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "200", description = "this content is already stored (created:false)",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "202", description = "received; follow Location (/ingests/{id})")
    @APIResponse(responseCode = "400", description = "empty body")
    @APIResponse(responseCode = "413", description = "upload or unpacked archive over the configured limit")
    @APIResponse(responseCode = "422", description = "not a ZIP, an Office document, unsafe entry names, not a usable "
            + "data set (the message names the missing or faulty file), no usable rows (NO_USABLE_ROWS: nothing stored, "
            + "the current version stays), more rows or rejected rows than configured")
    @APIResponse(responseCode = "503", description = "stored, but the broker did not acknowledge every baseline")
    public Response upload(InputStream body,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @Parameter(description = "respond-async for 202 and /ingests/{id}") @HeaderParam("Prefer") String prefer,
                           @Context SecurityContext security, @Context HttpServerRequest request) {
        try (ExpensiveCalls.Slot slot = calls.enter(ExpensiveCalls.client(security, request), UPLOAD)) {
            return answer(ingestion.receiveArchive(body, contentLength, operator(security)), prefer);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes({CSV, "application/csv"})
    @Operation(summary = "Upload one UN Comtrade CSV export",
            description = "A Comtrade bulk or API CSV export (refYear, reporterISO, partnerISO, flowCode, cmdCode, "
                    + "primaryValue, ...). Reporter-based records are reconciled into one exporter -> importer value per "
                    + "pair (the importer's report preferred); see /datasets/{version}/report. A BACI year file alone is "
                    + "refused: BACI needs its country and product tables (send a ZIP or a multipart upload).")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "new version stored and published",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "200", description = "already stored (created:false)")
    @APIResponse(responseCode = "202", description = "received; follow Location (/ingests/{id})")
    @APIResponse(responseCode = "413", description = "over the upload limit")
    @APIResponse(responseCode = "422", description = "not CSV text (a spreadsheet, an HTML page, empty), a header "
            + "without Comtrade's columns, more rows or rejected rows than configured")
    public Response uploadCsv(InputStream body,
                              @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                              @Parameter(hidden = true) @HeaderParam("Content-Disposition") String disposition,
                              @Parameter(description = "file name (default: from Content-Disposition, else upload.csv)")
                              @QueryParam("name") String name,
                              @Parameter(description = "respond-async for 202 and /ingests/{id}") @HeaderParam("Prefer") String prefer,
                              @Context SecurityContext security, @Context HttpServerRequest request) {
        String fileName = name != null ? name : fileName(disposition);
        try (ExpensiveCalls.Slot slot = calls.enter(ExpensiveCalls.client(security, request), UPLOAD)) {
            return answer(ingestion.receiveCsv(body, contentLength, fileName, operator(security)), prefer);
        }
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload CSV files in one form",
            description = "Any number of file parts, each with its file name: the plain CSV files of a BACI release "
                    + "(year files with country_codes and product_codes) or UN Comtrade exports, and optionally "
                    + "dataset.properties. Same answers as the ZIP upload.")
    @APIResponse(responseCode = "201", description = "new version stored and published",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "202", description = "received; follow Location (/ingests/{id})")
    @APIResponse(responseCode = "413", description = "over the upload limit")
    @APIResponse(responseCode = "422", description = "not a usable data set, or not CSV")
    public Response uploadFiles(@RestForm(FileUpload.ALL) List<FileUpload> files,
                                @Parameter(description = "respond-async for 202 and /ingests/{id}") @HeaderParam("Prefer") String prefer,
                                @Context SecurityContext security, @Context HttpServerRequest request) {
        // the parts are already on disk (the HTTP layer wrote them); the limit keeps the ingest from running
        try (ExpensiveCalls.Slot slot = calls.enter(ExpensiveCalls.client(security, request), UPLOAD)) {
            return answer(ingestion.receiveFiles(files.stream()
                    .map(f -> new UploadedFile(f.fileName() == null ? f.name() : f.fileName(), f.uploadedFile())).toList(),
                    operator(security)),
                    prefer);
        }
    }

    private Response answer(Received received, String prefer) {
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    ingestion.process(received);
                } catch (RuntimeException e) {
                    // the job holds the outcome for GET /ingests/{id}
                    LOG.debugf("asynchronous ingest %s ended: %s", received.job().id(), e.getMessage());
                }
            });
            return Response.accepted(received.job().status())
                    .location(UriBuilder.fromResource(IngestResource.class).path(received.job().id()).build())
                    .header("Preference-Applied", RESPOND_ASYNC).build();
        }
        IngestResult result = ingestion.process(received);
        UploadResponse answer = UploadResponse.of(result);
        if (!result.created()) {
            return Response.ok(answer).build();
        }
        return Response.created(UriBuilder.fromResource(DatasetResource.class).path(answer.version()).build())
                .entity(answer).build();
    }

    /** The uploader for the audit trail: the token's subject claim (not a display name an identity provider may set). */
    private static String operator(SecurityContext security) {
        return security.getUserPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : security.getUserPrincipal().getName();
    }

    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Operation(summary = "Every stored data-set version, newest first")
    public List<DatasetSummary> list() {
        return store.list();
    }

    /** Body of PUT /datasets/current. */
    public record CurrentChoice(String version) {
    }

    /** Answer of GET and PUT /datasets/current. */
    public record CurrentAnswer(String version, long sequence, java.time.Instant activatedAt, String reason,
                                boolean published, List<Integer> years, List<String> products, String dataNotice) {
        static CurrentAnswer of(Activation a, DatasetSummary d) {
            return new CurrentAnswer(a.version(), a.sequence(), a.activatedAt(), a.reason(), a.published(), d.years(),
                    d.products(), d.dataNotice());
        }
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/current")
    @Operation(summary = "The current data-set version",
            description = "What every forecast that pins no datasetVersion is solved on (topic dataset.current). An "
                    + "upload becomes current by itself only when it has every product and year of the current version.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurrentAnswer.class)))
    @APIResponse(responseCode = "404", description = "no data set yet")
    public CurrentAnswer current() {
        Activation a = currentDataset.current().orElseThrow(() -> new DatasetNotFoundException("current"));
        return CurrentAnswer.of(a, summary(a.version()));
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a stored data-set version current",
            description = "Body {\"version\": \"sha256:...\"}. Re-sends every baseline of that version on trade.baseline, "
                    + "then the pointer on dataset.current; every active scenario that pins no version is then solved on "
                    + "it (already computed results are re-used). Use it to go back to an earlier version, or to accept "
                    + "an upload that was stored without becoming current.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurrentAnswer.class)))
    @APIResponse(responseCode = "400", description = "no version in the body")
    @APIResponse(responseCode = "404", description = "unknown version")
    @APIResponse(responseCode = "503", description = "current here, but the broker did not acknowledge everything")
    public CurrentAnswer makeCurrent(CurrentChoice choice) {
        if (choice == null || choice.version() == null || choice.version().isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("body must be {\"version\": \"sha256:...\"}: field version is missing");
        }
        String v = summary(choice.version()).version();
        Activation a = currentDataset.activate(v);
        return CurrentAnswer.of(a, summary(v));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.OPERATOR})
    @Path("/{version}")
    @Operation(summary = "One data-set version", description = "The version may be given with or without 'sha256:'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DatasetSummary.class)))
    @APIResponse(responseCode = "404", description = "unknown version")
    public DatasetSummary get(@PathParam("version") String version) {
        return summary(version);
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{version}/problems")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Rejected rows of a data-set version",
            description = "Every problem in reading order: file, line (header = 1), column (null = whole row), reason. "
                    + "JSON, or a CSV file to download with 'Accept: text/csv'.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = StoredProblem.class)))
    @APIResponse(responseCode = "404", description = "unknown version")
    public Response problems(@PathParam("version") String version, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String v = summary(version).version();
        List<StoredProblem> problems = store.problems(v);
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        if (!csv) {
            return Response.ok(problems, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(ProblemReport.csv(problems), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"problems-" + v.substring(ContentVersion.PREFIX.length(),
                        ContentVersion.PREFIX.length() + 12) + ".csv\"").build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Path("/{version}/report")
    @Operation(summary = "The ingest report of a data-set version",
            description = "Format, product filter, rows read/accepted/rejected/skipped, the number of problems, and for a "
                    + "UN Comtrade export the reconciliation: flows from the importer's report, from the exporter's, "
                    + "mirrored, aggregates and other records dropped with counts, and the source of every flow.")
    @APIResponse(responseCode = "404", description = "unknown version")
    public Map<String, Object> report(@PathParam("version") String version) {
        DatasetSummary s = summary(version);
        return ProblemReport.report(s, store.problems(s.version()).size(), store.reconciliation(s.version()).orElse(null));
    }

    private DatasetSummary summary(String version) {
        String v = ContentVersion.normalise(version);
        // validated before it reaches the store: only a content hash can name a version
        if (!VERSION.matcher(v).matches()) {
            throw new DatasetNotFoundException(v.length() > MAX_ECHO ? v.substring(0, MAX_ECHO) + "..." : v);
        }
        return store.find(v).orElseThrow(() -> new DatasetNotFoundException(v));
    }
}
