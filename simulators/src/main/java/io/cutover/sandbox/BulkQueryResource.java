package io.cutover.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;


import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Bulk API 2.0 query jobs: {@code /services/data/vXX.X/jobs/query}. Results come as CSV pages of {@code maxRecords}
 * rows (by default {@link #DEFAULT_PAGE}), each naming the next in its {@code Sforce-Locator} header ({@code null} after
 * the last) and counting its rows in {@code Sforce-NumberOfRecords}.
 */
@Path("/services/data/{version: v\\d+\\.\\d+}/jobs/query")
@Produces(MediaType.APPLICATION_JSON)
public class BulkQueryResource {

    private static final String CSV = "text/csv";
    static final int DEFAULT_PAGE = 50_000;
    /** Salesforce quotes every value of a query result. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.ALL).get();

    @Inject
    BulkQueryJobs jobs;

    public record JobList(boolean done, List<BulkQueryJob.Info> records, String nextRecordsUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("version") String version, JsonNode body) {
        String operation = body.path("operation").asText("query");
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            return invalidJob("Invalid operation: " + operation + ". Query jobs take query, queryAll");
        }
        if (!body.path("contentType").asText("CSV").equals("CSV")) {
            return invalidJob("Invalid content type: " + body.path("contentType").asText());
        }
        if (!body.path("columnDelimiter").asText("COMMA").equals("COMMA") || !body.path("lineEnding").asText("LF").equals("LF")) {
            return invalidJob("The sandbox answers query jobs with COMMA and LF only");
        }
        return ApiError.queryAnswer(() -> jobs.create(body.path("query").asText(""), operation, version).created());
    }

    @GET
    public JobList list() {
        return new JobList(true, jobs.all().stream().map(BulkQueryJob::read).toList(), null);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return jobs.find(id).map(job -> Response.ok(job.read()).build()).orElseGet(ApiError::notFound);
    }

    /** {@code {"state": "Aborted"}} stops a job that has not finished. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response abort(@PathParam("id") String id, JsonNode body) {
        return jobs.find(id).map(job -> {
            if (!body.path("state").asText("").equals("Aborted")) {
                return invalidJobState("Unknown or unsupported job state: " + body.path("state").asText());
            }
            return job.abort() ? Response.ok(job.read()).build()
                    : invalidJobState("Aborting already " + job.state() + " Job not allowed");
        }).orElseGet(ApiError::notFound);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (jobs.find(id).isEmpty()) {
            return ApiError.notFound();
        }
        jobs.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/results")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    public Response results(@PathParam("id") String id, @PathParam("version") String version,
            @QueryParam("locator") String locator, @QueryParam("maxRecords") Integer maxRecords) {
        var found = jobs.find(id);
        if (found.isEmpty()) {
            return ApiError.notFound();
        }
        BulkQueryJob job = found.get();
        if (job.state().equals("Aborted")) {
            return invalidJobState("Results are not available for an aborted job");
        }
        if (Double.parseDouble(version.substring(1)) != job.apiVersion()) {
            return new ApiError("Use the API version the job was created with", "INVALIDJOB")
                    .toResponse(Response.Status.CONFLICT);
        }
        job.read();
        List<List<String>> rows = job.answer().rows();
        int from;
        try {
            from = locator == null || locator.isEmpty() ? 0
                    : Integer.parseInt(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new ApiError("Invalid locator: " + locator, "INVALIDLOCATOR").toResponse(Response.Status.BAD_REQUEST);
        }
        int to = (int) Math.min(rows.size(), (long) from + (maxRecords == null || maxRecords <= 0 ? DEFAULT_PAGE : maxRecords));
        String next = to < rows.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8))
                : "null";
        return Response.ok(csv(job.answer().columns(), rows.subList(Math.min(from, rows.size()), to)), CSV)
                .header("Sforce-Locator", next)
                .header("Sforce-NumberOfRecords", Math.max(0, to - from)).build();
    }

    private static String csv(List<String> columns, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(columns);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
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
