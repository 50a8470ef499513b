package io.cutover.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One Bulk API 2.0 query job. The sandbox answers the query when the job is created, so the job is complete from its
 * first status read on (Salesforce's UploadComplete → InProgress → JobComplete, with nothing to wait for), unless it
 * was aborted.
 */
public class BulkQueryJob {

    /** The job as {@code GET /jobs/query/{id}} shows it; the creation's answer leaves the processing figures out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Info(String id, String operation, String object, String createdById, String createdDate,
            String systemModstamp, String state, String concurrencyMode, String contentType, double apiVersion,
            String jobType, String lineEnding, String columnDelimiter, Long numberRecordsProcessed, Integer retries,
            Long totalProcessingTime) {
    }

    private final String id;
    private final String operation;
    private final double apiVersion;
    private final Instant created;
    private final QueryEngine.Table answer;
    private final long processingMillis;
    private String state = "UploadComplete";
    private Instant modified;

    BulkQueryJob(String id, String operation, double apiVersion, Instant created, QueryEngine.Table answer,
            long processingMillis) {
        this.id = id;
        this.operation = operation;
        this.apiVersion = apiVersion;
        this.created = created;
        this.modified = created;
        this.answer = answer;
        this.processingMillis = processingMillis;
    }

    String id() {
        return id;
    }

    double apiVersion() {
        return apiVersion;
    }

    QueryEngine.Table answer() {
        return answer;
    }

    synchronized String state() {
        return state;
    }

    /** The answer to the job's creation. */
    synchronized Info created() {
        return info(false);
    }

    /** The job's status: complete once read, as its answer is ready. */
    synchronized Info read() {
        if (state.equals("UploadComplete")) {
            state = "JobComplete";
            modified = Instant.now();
        }
        return info(true);
    }

    /** Aborts the job unless it finished; answers whether it did. */
    synchronized boolean abort() {
        if (!state.equals("UploadComplete")) {
            return false;
        }
        state = "Aborted";
        modified = Instant.now();
        return true;
    }

    private Info info(boolean processing) {
        return new Info(id, operation, answer.object(), OAuthResource.USER_ID, SalesforceTimestamps.format(created),
                SalesforceTimestamps.format(modified), state, "Parallel", "CSV", apiVersion,
                processing ? "V2Query" : null, "LF", "COMMA",
                processing ? (long) answer.rows().size() : null, processing ? 0 : null,
                processing ? processingMillis : null);
    }
}
