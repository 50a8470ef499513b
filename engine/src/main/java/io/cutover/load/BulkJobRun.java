package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;

/**
 * One Bulk API 2.0 job of a batch as routes/load-salesforce-bulk.yaml takes it through, held in the exchange variable
 * {@value #VARIABLE}: the caller's batch, the records sent in the job (found again by the value of their external id
 * column in the job's result rows), the job as Salesforce last answered, and when its polls began. A record is
 * answered once; those no result file answered are still waiting.
 */
public final class BulkJobRun {

    /** The exchange variable the routes and the bulk beans keep the run in. */
    public static final String VARIABLE = "bulkJob";
    private static final EnumSet<JobStateEnum> FINISHED = EnumSet.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED,
            JobStateEnum.ABORTED);

    private final List<PipelineRecord> batch;
    private final String object;
    private final String externalIdField;
    private final List<PipelineRecord> records;
    private final Map<String, Deque<PipelineRecord>> waiting = new LinkedHashMap<>();
    private Job job;
    private Instant pollsBegan;

    BulkJobRun(List<PipelineRecord> batch, String object, String externalIdField, List<PipelineRecord> records) {
        this.batch = batch;
        this.object = object;
        this.externalIdField = externalIdField;
        this.records = records;
        for (PipelineRecord record : records) {
            waiting.computeIfAbsent(externalId(record), key -> new ArrayDeque<>()).add(record);
        }
    }

    /** A batch with no record left to send: no job is created for it. */
    static BulkJobRun nothingToSend(List<PipelineRecord> batch) {
        return new BulkJobRun(batch, null, null, List.of());
    }

    /**
     * These records of the batch were uploaded in this job by a run that was killed before it collected the job's
     * results; the job is known to be closed, and nothing more until it is polled.
     */
    BulkJobRun leftBehindIn(String jobId, List<PipelineRecord> inJob) {
        BulkJobRun leftBehind = new BulkJobRun(batch, object, externalIdField, inJob);
        Job closed = new Job();
        closed.setId(jobId);
        closed.setState(JobStateEnum.UPLOAD_COMPLETE);
        leftBehind.seen(closed);
        return leftBehind;
    }

    /** The caller's batch, which it gets back with every record marked. */
    public List<PipelineRecord> batch() {
        return batch;
    }

    public boolean hasRecords() {
        return !records.isEmpty();
    }

    /** The job's id once it is closed (or, left behind, known), else null. */
    public String jobId() {
        return job == null ? null : job.getId();
    }

    /** The job is neither complete, failed nor aborted. */
    public boolean stillRunning() {
        return !finished();
    }

    /** Failed as a whole (a header Salesforce did not accept, a job that could not run): no row has a result. */
    public boolean failedAsAWhole() {
        return job.getState() == JobStateEnum.FAILED;
    }

    boolean finished() {
        return FINISHED.contains(job.getState());
    }

    /** The job as Salesforce answered last: closed, polled or aborted. */
    void seen(Job answer) {
        this.job = answer;
    }

    Job job() {
        return job;
    }

    long processed() {
        return job.getNumberRecordsProcessed() == null ? 0 : job.getNumberRecordsProcessed();
    }

    void pollsBegin(Instant now) {
        this.pollsBegan = now;
    }

    Instant pollsBegan() {
        return pollsBegan;
    }

    String object() {
        return object;
    }

    String externalIdField() {
        return externalIdField;
    }

    List<PipelineRecord> records() {
        return records;
    }

    /** The external id column first, then every other field of the records, in the order they first appear. */
    List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(externalIdField);
        records.forEach(record -> columns.addAll(record.fieldsToWrite().keySet()));
        return new ArrayList<>(columns);
    }

    /** The value the record is sent with in the external id column, which its result rows carry back. */
    String externalId(PipelineRecord record) {
        Object value = record.getFields().get(externalIdField);
        return value == null ? record.getLegacyId() : String.valueOf(value);
    }

    /** The record a result row with this external id answers, if one is still waiting for its answer. */
    Optional<PipelineRecord> answer(String externalId) {
        Deque<PipelineRecord> candidates = waiting.get(externalId);
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.poll());
    }

    /** The records no result row has answered yet. */
    List<PipelineRecord> unanswered() {
        return waiting.values().stream().flatMap(Deque::stream).toList();
    }
}
