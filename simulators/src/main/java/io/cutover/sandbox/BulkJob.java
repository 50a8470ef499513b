package io.cutover.sandbox;

import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One Bulk API 2.0 ingest job: its settings, its state, and the files that hold its uploaded data and its results.
 * The state moves Open → UploadComplete → InProgress → JobComplete or Failed, or to Aborted.
 */
public class BulkJob {

    enum State {
        Open, UploadComplete, InProgress, JobComplete, Failed, Aborted
    }

    /** The job as {@code GET /jobs/ingest/{id}} shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Info(String id, String operation, String object, String createdById, String createdDate,
            String systemModstamp, String state, String externalIdFieldName, String concurrencyMode,
            String contentType, double apiVersion, String jobType, String contentUrl, String lineEnding,
            String columnDelimiter, long numberRecordsProcessed, long numberRecordsFailed, int retries,
            long totalProcessingTime, long apiActiveProcessingTime, long apexProcessingTime, String errorMessage) {
    }

    private final String id;
    private final BulkJobSettings settings;
    private final double apiVersion;
    private final Instant created;
    private final Path folder;
    private State state = State.Open;
    private Instant modified;
    private boolean uploaded;
    private boolean processing;
    private long processed;
    private long failed;
    private long processingMillis;
    private String errorMessage;

    BulkJob(String id, BulkJobSettings settings, double apiVersion, Instant created, Path folder) {
        this.id = id;
        this.settings = settings;
        this.apiVersion = apiVersion;
        this.created = created;
        this.modified = created;
        this.folder = folder;
    }

    String id() {
        return id;
    }

    BulkJobSettings settings() {
        return settings;
    }

    Path folder() {
        return folder;
    }

    Path data() {
        return folder.resolve("data.csv");
    }

    Path successfulResults() {
        return folder.resolve("successfulResults.csv");
    }

    Path failedResults() {
        return folder.resolve("failedResults.csv");
    }

    Path unprocessedRecords() {
        return folder.resolve("unprocessedrecords.csv");
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean uploaded() {
        return uploaded;
    }

    synchronized void markUploaded() {
        uploaded = true;
        touch();
    }

    /** Moves to {@code next} only from {@code expected}, so that an abort and the processor cannot both win. */
    synchronized boolean transition(State expected, State next) {
        if (state != expected) {
            return false;
        }
        state = next;
        touch();
        return true;
    }

    /** The processor works on the job's files from now until {@link #processorDone}. */
    synchronized void processorStarted() {
        processing = true;
    }

    synchronized void processorDone() {
        processing = false;
        notifyAll();
    }

    /**
     * Waits until the processor has left the job's files, so that the results of a job aborted while it ran hold every
     * row: the chunk it was saving, and the rows it did not get to. The processor stops at the next chunk.
     */
    synchronized void awaitProcessor() throws InterruptedException {
        while (processing) {
            wait();
        }
    }

    synchronized void fail(String message) {
        state = State.Failed;
        errorMessage = message;
        touch();
    }

    synchronized void count(long processedRecords, long failedRecords, long millis) {
        processed += processedRecords;
        failed += failedRecords;
        processingMillis += millis;
        modified = Instant.now();
    }

    synchronized Info info() {
        return new Info(id, settings.operation(), settings.object(), OAuthResource.USER_ID,
                SalesforceTimestamps.format(created), SalesforceTimestamps.format(modified), state.name(),
                settings.externalIdFieldName(), "Parallel", "CSV", apiVersion, "V2Ingest",
                // the upload URL only while uploads are taken, as in a recorded Salesforce answer
                state == State.Open ? "services/data/v" + apiVersion + "/jobs/ingest/" + id + "/batches" : null,
                settings.lineEnding(),
                settings.columnDelimiter(), processed, failed, 0, processingMillis, processingMillis, 0, errorMessage);
    }

    private void touch() {
        modified = Instant.now();
    }
}
