package io.cutover.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cutover.progress.ProgressLog;
import io.cutover.report.RunReport;
import io.cutover.report.ReportPages;
import io.cutover.report.RunReports;
import io.cutover.state.RunRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, stops and shows migration runs over HTTP, for an operator or a pipeline driving a long-running container.
 * Outside dev mode every call needs {@code Authorization: Bearer <cutover.control.token>}; without a token configured,
 * the endpoints refuse every call.
 */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunControlResource {

    /** What a start may ask for; everything left out is taken from the configuration. */
    public record StartRequest(String kind, String sampleSize) {}

    @Inject
    ControlToken controlToken;

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
    public List<RunRepository.RunRow> list(@HeaderParam("Authorization") String authorization) {
        authorize(authorization);
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
    public RunView show(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authorize(authorization);
        RunRepository.RunRow run = repository.find(id)
                .orElseThrow(() -> new WebApplicationException(error(404, "No run " + id)));
        RunReport report = reports.build(run.id(), run.kind(), run.status(), run.startedAt(), run.endedAt(), null);
        return new RunView(report, run.endedAt() == null ? progressLog.lines(run.id()) : null);
    }

    /** The run's report as a page (HTML): bars per object, top reject reasons, calls, links to its files. */
    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    public String page(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return reportPages.served(show(authorization, id).report());
    }

    /** The latest run's report page. */
    @GET
    @Path("latest/report")
    @Produces(MediaType.TEXT_HTML)
    public String latestPage(@HeaderParam("Authorization") String authorization) {
        authorize(authorization);
        RunRepository.RunRow latest = repository.list().stream().findFirst()
                .orElseThrow(() -> new WebApplicationException(error(404, "No run yet")));
        return page(authorization, latest.id());
    }

    /** A rejects or success file of the run, as CSV; names outside the run's own files are not found. */
    @GET
    @Path("{id}/files/{kind}/{name}")
    @Produces("text/csv")
    public Response file(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
            @PathParam("kind") String kind, @PathParam("name") String name) {
        authorize(authorization);
        return reportPages.file(id, kind, name)
                .map(file -> Response.ok(file.toFile(), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + kind + "-" + name + "\"").build())
                .orElseGet(() -> error(404, "No such file"));
    }

    /** Starts a run in the background: 202 with the run's address once it has its id, 409 while another one runs. */
    @POST
    public Response start(@HeaderParam("Authorization") String authorization, StartRequest body) {
        authorize(authorization);
        RunRequest request = body == null ? RunRequest.CONFIGURED : new RunRequest(
                Optional.ofNullable(body.kind()).map(RunKind::of),
                Optional.ofNullable(body.sampleSize()).map(io.cutover.plan.SampleSize::parse));
        String runId = launcher.startInBackground(request)
                .orElseThrow(() -> new WebApplicationException(error(409, "A run is in progress: stop it or wait for its end")));
        return Response.accepted(Map.of("runId", runId)).header("Location", "/runs/" + runId).build();
    }

    /**
     * Asks the run in progress to stop after the batches in flight: it ends as {@code stopped}, with what it had not
     * loaded still pending, and the next start resumes it.
     */
    @POST
    @Path("current/stop")
    public Response stop(@HeaderParam("Authorization") String authorization) {
        authorize(authorization);
        return runs.requestStop()
                .map(runId -> Response.accepted(Map.of("runId", runId, "status", "stopping")).build())
                .orElseGet(() -> error(409, "No run is in progress"));
    }

    private void authorize(String authorization) {
        controlToken.check(authorization);
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
