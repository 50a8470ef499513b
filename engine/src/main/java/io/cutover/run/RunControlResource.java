package io.cutover.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cutover.plan.SampleSize;
import io.cutover.progress.ProgressLog;
import io.cutover.report.ReportPages;
import io.cutover.report.RunReport;
import io.cutover.report.RunReports;
import io.cutover.state.RunRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Starts, stops and shows migration runs over HTTP, for an operator or a pipeline driving a long-running container;
 * serves their reports and files. Every call needs the operator role: {@code Authorization: Bearer
 * <cutover.control.token>} ({@link ControlTokenIdentityProvider}); in dev mode a call without a token has it.
 */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ControlTokenIdentityProvider.OPERATOR)
@Tag(name = "Runs", description = "Migration runs: start, watch, stop, and their report and files")
@SecurityScheme(securitySchemeName = RunControlResource.CONTROL_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "cutover.control.token (CUTOVER_CONTROL_TOKEN)")
@SecurityRequirement(name = RunControlResource.CONTROL_TOKEN)
@APIResponse(responseCode = "401", description = "No control token, or another one",
        content = @Content(mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
public class RunControlResource {

    /** The OpenAPI document's name for the bearer token every control endpoint demands. */
    public static final String CONTROL_TOKEN = "control-token";

    /** What a start may ask for; everything left out is taken from the configuration. */
    public record StartRequest(
            @Schema(description = "full, dry-run or sample (default: cutover.run.kind)", example = "sample") String kind,
            @Schema(description = "a sample run's size: a number per object or a share", example = "10%") String sampleSize) {}

    private final MigrationLauncher launcher;
    private final Runs runs;
    private final RunRepository repository;
    private final RunReports reports;
    private final ProgressLog progressLog;
    private final ReportPages reportPages;

    RunControlResource(MigrationLauncher launcher, Runs runs, RunRepository repository, RunReports reports,
            ProgressLog progressLog, ReportPages reportPages) {
        this.progressLog = progressLog;
        this.reportPages = reportPages;
        this.launcher = launcher;
        this.runs = runs;
        this.repository = repository;
        this.reports = reports;
    }

    @GET
    @Operation(summary = "The runs, the latest first")
    public List<RunRepository.RunRow> list() {
        return repository.list();
    }

    /**
     * A run's report, and while it runs its progress per object (read, outcomes, pending, of the export's total; records
     * per second; seconds left): the report's counts are the ledger's, whose {@code read} is known once an export was
     * read whole.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(@JsonUnwrapped RunReport report, Map<String, ProgressLog.Line> progress) {}

    @GET
    @Path("{id}")
    @Operation(summary = "A run's report", description = "While the run is in progress, also its progress per object")
    @APIResponse(responseCode = "200", description = "The run's report")
    @APIResponse(responseCode = "404", description = "No run of that id", content = @Content(
            mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
    public RunView show(@PathParam("id") @Parameter(description = "the run's id") String id) {
        RunRepository.RunRow run = run(id);
        RunReport report = reports.build(run.id(), run.kind(), run.status(), run.startedAt(), run.endedAt(), null);
        return new RunView(report, run.endedAt() == null ? progressLog.lines(run.id()) : null);
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A run's report as a page",
            description = "Bars per object, the top reject reasons, the throughput, the calls, links to its files")
    public String page(@PathParam("id") String id) {
        return reportPages.served(show(id).report());
    }

    @GET
    @Path("latest/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The latest run's report page")
    public String latestPage() {
        RunRepository.RunRow latest = repository.list().stream().findFirst()
                .orElseThrow(() -> ControlProblem.notFound("No run yet"));
        return page(latest.id());
    }

    /** A file to download: what it is (report, rejects or success), its object for a CSV file, and its address. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Download(String kind, String object, String href) {}

    @GET
    @Path("{id}/files")
    @Operation(summary = "The files of a run there are to download",
            description = "report.json, report.html and report.md once the run has ended; a rejects and a success CSV file per object")
    public List<Download> files(@PathParam("id") String id) {
        run(id);
        return reportPages.downloads(id).stream().map(link -> new Download(link.kind(), link.object(), link.href())).toList();
    }

    @GET
    @Path("{id}/files/{name}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "text/markdown"})
    @Operation(summary = "A run's report as a file: report.json, report.html or report.md",
            description = "As written in data/runs/<run-id>/ when the run ended; report.html is self-contained")
    public Response reportFile(@PathParam("id") String id,
            @PathParam("name") @Parameter(description = "report.json, report.html or report.md") String name) {
        run(id);
        java.nio.file.Path file = reportPages.reportFile(id, name).orElseThrow(() -> ControlProblem.notFound(
                "Run " + id + " has no " + name + " (the report files are " + ReportPages.REPORT_FILES + ", written when the run ends)"));
        String type = name.endsWith(".json") ? MediaType.APPLICATION_JSON
                : name.endsWith(".html") ? MediaType.TEXT_HTML + "; charset=UTF-8" : "text/markdown; charset=UTF-8";
        return attachment(file, type, id + "-" + name);
    }

    @GET
    @Path("{id}/files/{kind}/{name}")
    @Produces("text/csv")
    @Operation(summary = "A rejects or success file of the run, as CSV",
            description = "rejects/<Object>.csv (Data Loader's ERROR column) or success/<Object>.csv (ID, STATUS)")
    public Response file(@PathParam("id") String id,
            @PathParam("kind") @Parameter(description = "rejects or success") String kind,
            @PathParam("name") @Parameter(description = "<Object>.csv", example = "Contact.csv") String name) {
        run(id);
        java.nio.file.Path file = reportPages.file(id, kind, name)
                .orElseThrow(() -> ControlProblem.notFound("Run " + id + " has no file " + kind + "/" + name));
        return attachment(file, "text/csv; charset=UTF-8", id + "-" + kind + "-" + name);
    }

    @POST
    @Operation(summary = "Starts a run in the background", description = "Its id once it has one; one run at a time")
    @APIResponse(responseCode = "202", description = "Started: {\"runId\": …}, and its address in Location")
    @APIResponse(responseCode = "400", description = "An unknown kind or sample size, or a body that is not JSON",
            content = @Content(mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
    @APIResponse(responseCode = "409", description = "Another run is in progress",
            content = @Content(mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
    public Response start(StartRequest body) {
        RunRequest request;
        try {
            request = body == null ? RunRequest.CONFIGURED : new RunRequest(
                    Optional.ofNullable(body.kind()).map(RunKind::of), Optional.ofNullable(body.sampleSize()).map(SampleSize::parse));
        } catch (RuntimeException e) {
            throw ControlProblem.badRequest(e.getMessage());
        }
        String runId = launcher.startInBackground(request)
                .orElseThrow(() -> ControlProblem.conflict("A run is in progress: stop it or wait for its end"));
        return Response.accepted(Map.of("runId", runId)).header("Location", "/runs/" + runId).build();
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stops a run after the batches in flight",
            description = "It ends stopped, with what it had not loaded still pending; the next start of its kind resumes it")
    @APIResponse(responseCode = "202", description = "Stopping: {\"runId\": …, \"status\": \"stopping\"}")
    @APIResponse(responseCode = "404", description = "No run of that id",
            content = @Content(mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
    @APIResponse(responseCode = "409", description = "The run is not in progress (in this process)",
            content = @Content(mediaType = ControlProblem.MEDIA_TYPE, schema = @Schema(implementation = ControlProblem.Details.class)))
    public Response stop(@PathParam("id") String id) {
        RunRepository.RunRow run = run(id);
        if (!runs.requestStop(id)) {
            throw ControlProblem.conflict("Run " + id + " is not in progress here (status: " + run.status() + ")");
        }
        return stopping(id);
    }

    @POST
    @Path("current/stop")
    @Operation(summary = "Stops the run in progress, whichever it is", description = "As POST /runs/{id}/stop")
    public Response stopCurrent() {
        return runs.requestStop().map(RunControlResource::stopping)
                .orElseThrow(() -> ControlProblem.conflict("No run is in progress"));
    }

    /** A body that is not the JSON a start takes (malformed, or a value of the wrong type) is the caller's problem. */
    @ServerExceptionMapper({JsonProcessingException.class, WebApplicationException.class})
    public Response unreadable(Exception e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() != 400) {
            return web.getResponse();
        }
        return ControlProblems.response(ControlProblem.Kind.BAD_REQUEST,
                "The body is not the JSON this call takes: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), uri);
    }

    private RunRepository.RunRow run(String id) {
        return repository.find(id).orElseThrow(() -> ControlProblem.notFound("No run " + id));
    }

    private static Response stopping(String runId) {
        return Response.accepted(Map.of("runId", runId, "status", "stopping")).build();
    }

    private static Response attachment(java.nio.file.Path file, String type, String filename) {
        return Response.ok(file.toFile(), type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
