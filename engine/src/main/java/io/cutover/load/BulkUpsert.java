package io.cutover.load;

import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.OpenBulkJobs;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ColumnDelimiterEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * The load stage for Salesforce Bulk API 2.0 (routes/load-salesforce-bulk.yaml): turns a batch into an upsert job and
 * its CSV, and the job's result files back into outcomes. Result rows are matched to records by the external id column
 * they carry, never by their position: Salesforce processes a job's rows in parallel chunks and lists them in no
 * particular order.
 */
@Singleton
@Named("bulkUpsert")
public class BulkUpsert {

    /** Per-record errors that may pass on another attempt. */
    static final Set<String> TRANSIENT_ERRORS = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED");
    /** In a Bulk API CSV an empty value leaves a field as it is, and this value sets it to null. */
    static final String NULL_VALUE = "#N/A";
    private static final EnumSet<JobStateEnum> FINISHED = EnumSet.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED,
            JobStateEnum.ABORTED);
    /** The dialect the jobs are created with: comma-separated, LF line endings, quotes where a value needs them. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final int LONGEST_VALUE_SHOWN = 80;
    private static final Logger LOG = Logger.getLogger(BulkUpsert.class);

    private final MappingCatalog mappings;
    private final OpenBulkJobs openJobs;
    private final TargetOutage outage;
    private final BulkJobPace pace;
    private final Duration jobTimeLimit;

    BulkUpsert(MappingCatalog mappings, OpenBulkJobs openJobs, TargetOutage outage, BulkJobPace pace, LoadConfig load) {
        this.mappings = mappings;
        this.openJobs = openJobs;
        this.outage = outage;
        this.pace = pace;
        this.jobTimeLimit = load.bulkJobTimeLimit();
    }

    /**
     * The jobs a killed run left behind with records of this batch in them (closed, their results never collected),
     * each with those records; oldest first.
     */
    public List<BulkBatch> leftBehind(@Variable("batch") List<PipelineRecord> batch,
            @ExchangeProperty("runId") String runId) {
        BulkBatch loadable = toSend(batch);
        if (loadable == null) {
            return List.of();
        }
        List<BulkBatch> leftBehind = new ArrayList<>();
        openJobs.of(runId, loadable.object()).forEach((jobId, externalIds) -> {
            List<PipelineRecord> inJob = loadable.records().stream()
                    .filter(record -> externalIds.contains(loadable.externalId(record))).toList();
            if (!inJob.isEmpty()) {
                LOG.infof("Bulk job %s, left behind by an earlier attempt of run %s, has %,d %s records of this batch:"
                        + " collecting its results instead of uploading them again", jobId, runId, inJob.size(),
                        loadable.object());
                leftBehind.add(new BulkBatch(loadable.object(), loadable.externalIdField(), inJob).leftBehindBy(jobId));
            }
        });
        return leftBehind;
    }

    /** The job a batch was left behind in, as far as is known before it is polled. */
    public Job leftBehindJob(@Variable("toSend") BulkBatch batch) {
        Job job = new Job();
        job.setId(batch.leftBehindBy());
        job.setState(JobStateEnum.UPLOAD_COMPLETE);
        return job;
    }

    /** The records of the batch still to be sent, or null when there are none. */
    public BulkBatch toSend(@Variable("batch") List<PipelineRecord> batch) {
        List<PipelineRecord> loadable = batch.stream().filter(PipelineRecord::isLoadable).toList();
        if (loadable.isEmpty()) {
            return null;
        }
        ObjectMapping mapping = mappings.forObject(loadable.get(0).getObject());
        return new BulkBatch(mapping.object(), mapping.externalIdField(), loadable);
    }

    /** The job is closed: from now on a killed run can collect its results when it starts again. */
    public void remember(@ExchangeProperty("runId") String runId, @Header("jobId") String jobId,
            @Variable("toSend") BulkBatch batch) {
        openJobs.remember(runId, batch.object(), jobId, batch.records().stream().map(batch::externalId).toList());
    }

    /** The job's results are in the records. */
    public void collected(@Header("jobId") String jobId) {
        openJobs.forget(jobId);
    }

    /**
     * A job left behind whose results cannot be had (Salesforce no longer knows it, or a call failed): it is forgotten,
     * and its records not answered yet are uploaded again, which an upsert by external id makes safe.
     */
    public void abandonLeftBehind(@Header("jobId") String jobId, @Variable("toSend") BulkBatch batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.warnf("Bulk job %s, left behind by an earlier attempt, cannot be collected (%s): its %,d unanswered %s"
                + " records are uploaded again", jobId, failure.getMessage(), batch.unanswered().size(), batch.object());
        openJobs.forget(jobId);
    }

    /** The ingest job to create: an upsert on the object's external id field, in the CSV dialect {@link #csv} writes. */
    public Job job(@Variable("toSend") BulkBatch batch) {
        Job job = new Job();
        job.setObject(batch.object());
        job.setOperation(OperationEnum.UPSERT);
        job.setExternalIdFieldName(batch.externalIdField());
        job.setContentType(ContentTypeEnum.CSV);
        job.setColumnDelimiter(ColumnDelimiterEnum.COMMA);
        job.setLineEnding(LineEndingEnum.LF);
        return job;
    }

    /**
     * The batch as the job's one upload: a header row of field names, then a row per record. A null value becomes
     * {@code #N/A}, which sets the field to null as an sObject-collection upsert does; a field a record does not have
     * stays empty and is left as it is in the target.
     */
    public InputStream csv(@Variable("toSend") BulkBatch batch) {
        List<String> columns = batch.columns();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSV.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (PipelineRecord record : batch.records()) {
                List<String> row = new ArrayList<>(columns.size());
                for (String column : columns) {
                    row.add(column.equals(batch.externalIdField()) ? batch.externalId(record) : cell(record, column));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the bulk upload of " + batch.object(), e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /** When to give up waiting for the job to finish (it is then aborted, and its results read as they are). */
    public Instant pollDeadline() {
        return Instant.now().plus(jobTimeLimit);
    }

    /** The wait before the n-th poll of the job (from 0): until it should have finished ({@link BulkJobPace}). */
    public long pollDelayMillis(@ExchangeProperty(Exchange.LOOP_INDEX) int poll, @Variable("job") Job job,
            @Variable("toSend") BulkBatch batch, @Variable("pollUntil") Instant deadline) {
        return pace.nextWait(batch.object(), batch.records().size(), processed(job), sinceClosed(deadline), poll).toMillis();
    }

    /** What the poll saw of the job, for the pace of the object's next jobs. */
    public void polled(@ExchangeProperty(Exchange.LOOP_INDEX) int poll, @Variable("job") Job job,
            @Variable("toSend") BulkBatch batch, @Variable("pollUntil") Instant deadline) {
        pace.seen(batch.object(), batch.records().size(), processed(job), finished(job), sinceClosed(deadline), poll);
    }

    private static long processed(Job job) {
        return job.getNumberRecordsProcessed() == null ? 0 : job.getNumberRecordsProcessed();
    }

    /** The polls started when the job was closed, with a deadline of the job's time limit. */
    private Duration sinceClosed(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? jobTimeLimit : jobTimeLimit.minus(left);
    }

    public boolean finished(@Variable("job") Job job) {
        return FINISHED.contains(job.getState());
    }

    public boolean stillRunning(@Variable("job") Job job) {
        return !finished(job);
    }

    /** The job is still being processed and there is time left to wait for it. */
    public boolean pollAgain(@Variable("job") Job job, @Variable("pollUntil") Instant deadline) {
        return !finished(job) && Instant.now().isBefore(deadline);
    }

    /** Failed as a whole (a header Salesforce did not accept, a job that could not run): no row has a result. */
    public boolean failedAsAWhole(@Variable("job") Job job) {
        return job.getState() == JobStateEnum.FAILED;
    }

    public void applySuccessfulResults(@Body InputStream results, @Variable("toSend") BulkBatch batch,
            @Variable("job") Job job) {
        readResults(results, batch, job, "successful", (record, row) -> record.loaded(row.get("sf__Id"),
                Boolean.parseBoolean(row.get("sf__Created"))));
    }

    /** A row's {@code sf__Error}: a reject, or a retry for a lock or limit error. */
    public void applyFailedResults(@Body InputStream results, @Variable("toSend") BulkBatch batch,
            @Variable("job") Job job) {
        readResults(results, batch, job, "failed", (record, row) -> {
            List<RowError> errors = RowError.parse(row.get("sf__Error"));
            String code = errors.isEmpty() ? "UNKNOWN_ERROR" : errors.get(0).code();
            String message = describe(batch, record, errors);
            if (TRANSIENT_ERRORS.contains(code)) {
                record.retry(code, message);
            } else {
                record.reject(code, message);
            }
        });
    }

    /** Rows the job did not get to (it was aborted): to be sent again. */
    public void applyUnprocessedRecords(@Body InputStream results, @Variable("toSend") BulkBatch batch,
            @Variable("job") Job job) {
        readResults(results, batch, job, "unprocessed", (record, row) -> record.retry("BULK_UNPROCESSED",
                where(batch, record) + ": not processed by bulk job " + job.getId() + " (" + state(job)
                        + "); to be sent again"));
    }

    /** Records that no result file mentions: nothing is known of them, so they are sent again. */
    public void retryUnanswered(@Variable("toSend") BulkBatch batch, @Variable("job") Job job) {
        for (PipelineRecord record : batch.unanswered()) {
            record.retry("BULK_RESULT_MISSING", where(batch, record) + ": bulk job " + job.getId() + " ("
                    + state(job) + ") has no result for this record; to be sent again");
        }
    }

    public void retryFailedJob(@Variable("toSend") BulkBatch batch, @Variable("job") Job job) {
        LOG.warnf("Bulk job %s for %s failed: %s; its %,d records are to be sent again", job.getId(), batch.object(),
                job.getErrorMessage(), batch.records().size());
        for (PipelineRecord record : batch.unanswered()) {
            record.retry("BULK_JOB_FAILED", where(batch, record) + ": bulk job " + job.getId() + " failed: "
                    + job.getErrorMessage());
        }
    }

    /** A call that failed leaves the records not answered yet to be sent again, with the reason. */
    public void retryAfterFailedCall(@Variable("toSend") BulkBatch batch, @Variable("job") Job job,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        outage.callFailed(failure);
        List<PipelineRecord> unanswered = batch.unanswered();
        String what = "Bulk load of %s%s failed: %s; %,d records are to be sent again";
        String jobShown = job == null ? "" : " (job " + job.getId() + ")";
        if (SalesforceErrors.codes(failure).isEmpty()) {
            LOG.warnf(failure, what, batch.object(), jobShown, reason, unanswered.size());
        } else {
            LOG.warnf(what, batch.object(), jobShown, reason, unanswered.size());
        }
        for (PipelineRecord record : unanswered) {
            record.retry("TARGET_CALL_FAILED", where(batch, record) + ": the call to the target failed: " + reason);
        }
    }

    private static void readResults(InputStream results, BulkBatch batch, Job job, String file,
            BiConsumer<PipelineRecord, CSVRecord> apply) {
        if (results == null) {
            // camel-salesforce gives an empty answer as no body: a file without rows
            return;
        }
        try (InputStream input = results;
                CSVParser rows = CSVParser.builder().setReader(new InputStreamReader(input, StandardCharsets.UTF_8))
                        .setFormat(CSV.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            if (rows.getHeaderMap().isEmpty()) {
                return;
            }
            if (!rows.getHeaderMap().containsKey(batch.externalIdField())) {
                throw new IllegalStateException("The " + file + " results of bulk job " + job.getId() + " have no "
                        + batch.externalIdField() + " column to match them to the records by: " + rows.getHeaderNames());
            }
            for (CSVRecord row : rows) {
                String externalId = row.get(batch.externalIdField());
                batch.answer(externalId).ifPresentOrElse(record -> apply.accept(record, row),
                        // a job left behind may hold records of other batches
                        () -> LOG.debugf("Bulk job %s: a %s result for %s %s, not a record of this batch", job.getId(),
                                file, batch.externalIdField(), externalId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + file + " results of bulk job " + job.getId(), e);
        }
    }

    private static String cell(PipelineRecord record, String column) {
        Map<String, Object> fields = record.fieldsToWrite();
        if (!fields.containsKey(column)) {
            return "";
        }
        Object value = fields.get(column);
        if (value == null || value.toString().isEmpty()) {
            return NULL_VALUE;
        }
        if (value.toString().equals(NULL_VALUE)) {
            record.warn("field " + column + ": the value '" + NULL_VALUE + "' means null to the Bulk API; the field is"
                    + " loaded empty");
        }
        return value.toString();
    }

    /** Names everything needed to find and fix the record: where it is, which field, which value, why. */
    private static String describe(BulkBatch batch, PipelineRecord record, List<RowError> errors) {
        List<String> parts = new ArrayList<>();
        for (RowError error : errors) {
            StringBuilder part = new StringBuilder();
            for (String field : error.fields()) {
                part.append("field ").append(field).append(", value ").append(shown(record.getFields().get(field)))
                        .append(": ");
            }
            part.append(error.code()).append(": ").append(error.message()).append(TargetErrors.explanation(error.code()));
            parts.add(part.toString());
        }
        return where(batch, record) + ": " + (parts.isEmpty() ? "failed without an error" : String.join("; ", parts));
    }

    /** The job's state as Salesforce names it. */
    private static String state(Job job) {
        return switch (job.getState()) {
            case OPEN -> "Open";
            case CLOSED -> "Closed";
            case UPLOAD_COMPLETE -> "UploadComplete";
            case IN_PROGRESS -> "InProgress";
            case ABORTED -> "Aborted";
            case JOB_COMPLETE -> "JobComplete";
            case FAILED -> "Failed";
        };
    }

    private static String where(BulkBatch batch, PipelineRecord record) {
        return record.getSourceRef() + ": " + batch.object() + " " + record.getLegacyId();
    }

    private static String shown(Object value) {
        if (value == null || value.toString().isEmpty()) {
            return "(empty)";
        }
        String text = value.toString();
        return text.length() <= LONGEST_VALUE_SHOWN ? "'" + text + "'"
                : "'" + text.substring(0, LONGEST_VALUE_SHOWN) + "…' (" + text.length() + " characters)";
    }

    /** One error of an {@code sf__Error} value: {@code STATUS_CODE:message:field,field --}, one after the other. */
    record RowError(String code, String message, List<String> fields) {

        static List<RowError> parse(String text) {
            List<RowError> errors = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return errors;
            }
            for (String error : text.split(" --")) {
                String trimmed = error.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int codeEnd = trimmed.indexOf(':');
                if (codeEnd < 0) {
                    errors.add(new RowError(trimmed, "", List.of()));
                    continue;
                }
                String rest = trimmed.substring(codeEnd + 1);
                int fieldsStart = rest.lastIndexOf(':');
                String message = fieldsStart < 0 ? rest : rest.substring(0, fieldsStart);
                String fieldList = fieldsStart < 0 ? "" : rest.substring(fieldsStart + 1).strip();
                List<String> fields = fieldList.isEmpty() || fieldList.contains(" ") ? List.of()
                        : List.of(fieldList.split(","));
                errors.add(new RowError(trimmed.substring(0, codeEnd), fieldList.contains(" ") ? rest : message, fields));
            }
            return errors;
        }
    }
}
