package io.cutover.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bulk API 2.0 ingest: {@code /services/data/vXX.X/jobs/ingest}. */
@Path("/services/data/{version: v\\d+\\.\\d+}/jobs/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class BulkIngestResource {

    private static final String CSV = "text/csv";

    @Inject
    BulkJobs jobs;

    @Inject
    TargetSchema schema;

    public record JobList(boolean done, List<BulkJob.Info> records, String nextRecordsUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("version") String version, JsonNode body) {
        String objectName = body.path("object").asText("");
        Optional<SObjectDescribe> object = schema.find(objectName);
        if (object.isEmpty()) {
            return invalidJob("Unable to find object: " + objectName);
        }
        String operation = body.path("operation").asText("");
        if (!BulkJobSettings.OPERATIONS.contains(operation)) {
            return invalidJob("Invalid operation: " + operation + ". Ingest jobs take insert, update, upsert, delete");
        }
        String contentType = body.path("contentType").asText("CSV");
        if (!contentType.equals("CSV")) {
            return invalidJob("Invalid content type: " + contentType);
        }
        String lineEnding = body.path("lineEnding").asText("LF");
        if (!BulkJobSettings.LINE_ENDINGS.contains(lineEnding)) {
            return invalidJob("Invalid line ending: " + lineEnding);
        }
        String delimiter = body.path("columnDelimiter").asText("COMMA");
        if (!BulkJobSettings.DELIMITERS.containsKey(delimiter)) {
            return invalidJob("Invalid column delimiter: " + delimiter);
        }
        String externalIdField = null;
        if (operation.equals("upsert")) {
            String named = body.path("externalIdFieldName").asText("");
            if (named.equalsIgnoreCase("Id")) {
                externalIdField = "Id";
            } else {
                Optional<FieldDescribe> field = object.get().field(named).filter(RecordKeys::isUpsertKey);
                if (field.isEmpty()) {
                    return invalidJob("External ID was blank or is not an external id or unique field of "
                            + object.get().name() + ": " + named);
                }
                externalIdField = field.get().name();
            }
        }
        BulkJobSettings settings = new BulkJobSettings(object.get().name(), operation, externalIdField, lineEnding,
                delimiter);
        return Response.ok(jobs.create(settings, Double.parseDouble(version.substring(1))).info()).build();
    }

    @GET
    public JobList list() {
        return new JobList(true, jobs.all().stream().map(BulkJob::info).toList(), null);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return jobs.find(id).map(job -> Response.ok(job.info()).build()).orElseGet(ApiError::notFound);
    }

    /** The job's one upload of CSV data, copied to a file as it arrives. */
    @PUT
    @Path("{id}/batches")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, InputStream data) throws IOException {
        Optional<BulkJob> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiError.notFound();
        }
        synchronized (job.get()) {
            if (job.get().state() != BulkJob.State.Open) {
                return invalidJobState("Job is not open for uploads: " + job.get().state());
            }
            if (job.get().uploaded()) {
                return invalidJobState("Found multiple contents for job: <" + id + ">, please 'Close' / 'Abort' /"
                        + " 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a"
                        + " given Job.");
            }
            Files.copy(data, job.get().data(), StandardCopyOption.REPLACE_EXISTING);
            job.get().markUploaded();
        }
        return Response.status(Response.Status.CREATED).build();
    }

    /** {@code {"state": "UploadComplete"}} queues the job for processing; {@code {"state": "Aborted"}} stops it. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeState(@PathParam("id") String id, JsonNode body) {
        Optional<BulkJob> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiError.notFound();
        }
        String state = body.path("state").asText("");
        if (state.equals("UploadComplete")) {
            if (!job.get().transition(BulkJob.State.Open, BulkJob.State.UploadComplete)) {
                return invalidJobState("Closing a job in state " + job.get().state() + " is not allowed");
            }
            if (job.get().uploaded()) {
                jobs.submit(job.get());
            } else {
                job.get().fail("InvalidBatch : No data was uploaded to the job");
            }
            return Response.ok(job.get().info()).build();
        }
        if (state.equals("Aborted")) {
            for (BulkJob.State from : List.of(BulkJob.State.Open, BulkJob.State.UploadComplete,
                    BulkJob.State.InProgress)) {
                if (job.get().transition(from, BulkJob.State.Aborted)) {
                    return Response.ok(job.get().info()).build();
                }
            }
            return invalidJobState("Aborting already " + describe(job.get().state()) + " Job not allowed");
        }
        return invalidJobState("Unknown or unsupported job state: " + state);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        Optional<BulkJob> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiError.notFound();
        }
        BulkJob.State state = job.get().state();
        if (state == BulkJob.State.Open || state == BulkJob.State.InProgress) {
            return invalidJobState("Deleting a job in state " + state + " is not allowed");
        }
        jobs.delete(job.get());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/successfulResults")
    @Produces(CSV)
    public Response successfulResults(@PathParam("id") String id) throws InterruptedException {
        return results(id, BulkJob::successfulResults);
    }

    @GET
    @Path("{id}/failedResults")
    @Produces(CSV)
    public Response failedResults(@PathParam("id") String id) throws InterruptedException {
        return results(id, BulkJob::failedResults);
    }

    @GET
    @Path("{id}/unprocessedrecords")
    @Produces(CSV)
    public Response unprocessedRecords(@PathParam("id") String id) throws InterruptedException {
        Optional<BulkJob> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiError.notFound();
        }
        job.get().awaitProcessor();
        // Before processing, or when the job never started, every uploaded row is unprocessed.
        java.nio.file.Path file = Files.exists(job.get().unprocessedRecords()) ? job.get().unprocessedRecords() : job.get().data();
        if (!Files.exists(file)) {
            return Response.ok("", CSV).build();
        }
        return Response.ok(file.toFile(), CSV).build();
    }

    private interface ResultFile {
        java.nio.file.Path of(BulkJob job);
    }

    private Response results(String id, ResultFile resultFile) throws InterruptedException {
        Optional<BulkJob> job = jobs.find(id);
        if (job.isEmpty()) {
            return ApiError.notFound();
        }
        job.get().awaitProcessor();
        BulkJob.State state = job.get().state();
        if (state == BulkJob.State.Open || state == BulkJob.State.UploadComplete || state == BulkJob.State.InProgress) {
            return invalidJobState("Results are available once the job has finished; it is " + state);
        }
        java.nio.file.Path file = resultFile.of(job.get());
        if (!Files.exists(file)) {
            return Response.ok("", CSV).build();
        }
        return Response.ok(file.toFile(), CSV).build();
    }

    private static String describe(BulkJob.State state) {
        return switch (state) {
            case JobComplete -> "Completed";
            default -> state.name();
        };
    }

    private static Response invalidJob(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(List.of(Map.of("errorCode", "INVALIDJOB", "message", message))).build();
    }

    private static Response invalidJobState(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(List.of(Map.of("errorCode", "INVALIDJOBSTATE", "message", message))).build();
    }
}
