package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * The results of a Bulk API 2.0 load (routes/load-salesforce-bulk.yaml): every record of the job marked from its
 * result files, or left to be sent again when the job or a call failed. Result rows are matched to records by the
 * external id column they carry, never by their position: Salesforce processes a job's rows in parallel chunks and
 * lists them in no particular order.
 */
@Singleton
@Named("bulkJobResults")
public class BulkJobResults {

    /** Per-record errors that may pass on another attempt. */
    static final Set<String> TRANSIENT_ERRORS = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED");
    private static final int LONGEST_VALUE_SHOWN = 80;
    private static final Logger LOG = Logger.getLogger(BulkJobResults.class);

    private final TargetOutage outage;

    BulkJobResults(TargetOutage outage) {
        this.outage = outage;
    }

    public void applySuccessfulResults(@Body InputStream results, @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        readResults(results, run, "successful", (record, row) -> record.loaded(row.get("sf__Id"),
                Boolean.parseBoolean(row.get("sf__Created"))));
    }

    /** A row's {@code sf__Error}: a reject, or a retry for a lock or limit error. */
    public void applyFailedResults(@Body InputStream results, @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        readResults(results, run, "failed", (record, row) -> {
            List<RowError> errors = RowError.parse(row.get("sf__Error"));
            String code = errors.isEmpty() ? "UNKNOWN_ERROR" : errors.get(0).code();
            String message = describe(run, record, errors);
            if (TRANSIENT_ERRORS.contains(code)) {
                record.retry(code, message);
            } else {
                record.reject(code, message);
            }
        });
    }

    /** Rows the job did not get to (it was aborted): to be sent again. */
    public void applyUnprocessedRecords(@Body InputStream results, @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        Job job = run.job();
        readResults(results, run, "unprocessed", (record, row) -> record.retry("BULK_UNPROCESSED",
                where(run, record) + ": not processed by bulk job " + job.getId() + " (" + state(job)
                        + "); to be sent again"));
    }

    /** Records that no result file mentions: nothing is known of them, so they are sent again. */
    public void retryUnanswered(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        Job job = run.job();
        for (PipelineRecord record : run.unanswered()) {
            record.retry("BULK_RESULT_MISSING", where(run, record) + ": bulk job " + job.getId() + " ("
                    + state(job) + ") has no result for this record; to be sent again");
        }
    }

    public void retryFailedJob(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        Job job = run.job();
        LOG.warnf("Bulk job %s for %s failed: %s; its %,d records are to be sent again", job.getId(), run.object(),
                job.getErrorMessage(), run.records().size());
        for (PipelineRecord record : run.unanswered()) {
            record.retry("BULK_JOB_FAILED", where(run, record) + ": bulk job " + job.getId() + " failed: "
                    + job.getErrorMessage());
        }
    }

    /** A call that failed leaves the records not answered yet to be sent again, with the reason. */
    public void retryAfterFailedCall(@Variable(BulkJobRun.VARIABLE) BulkJobRun run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        outage.callFailed(failure);
        List<PipelineRecord> unanswered = run.unanswered();
        String what = "Bulk load of %s%s failed: %s; %,d records are to be sent again";
        String jobShown = run.jobId() == null ? "" : " (job " + run.jobId() + ")";
        if (SalesforceErrors.codes(failure).isEmpty()) {
            LOG.warnf(failure, what, run.object(), jobShown, reason, unanswered.size());
        } else {
            LOG.warnf(what, run.object(), jobShown, reason, unanswered.size());
        }
        for (PipelineRecord record : unanswered) {
            record.retry("TARGET_CALL_FAILED", where(run, record) + ": the call to the target failed: " + reason);
        }
    }

    private static void readResults(InputStream results, BulkJobRun run, String file,
            BiConsumer<PipelineRecord, CSVRecord> apply) {
        if (results == null) {
            // camel-salesforce gives an empty answer as no body: a file without rows
            return;
        }
        String jobId = run.jobId();
        try (InputStream input = results;
                CSVParser rows = CSVParser.builder().setReader(new InputStreamReader(input, StandardCharsets.UTF_8))
                        .setFormat(BulkJobRequest.CSV.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            if (rows.getHeaderMap().isEmpty()) {
                return;
            }
            if (!rows.getHeaderMap().containsKey(run.externalIdField())) {
                throw new IllegalStateException("The " + file + " results of bulk job " + jobId + " have no "
                        + run.externalIdField() + " column to match them to the records by: " + rows.getHeaderNames());
            }
            for (CSVRecord row : rows) {
                String externalId = row.get(run.externalIdField());
                run.answer(externalId).ifPresentOrElse(record -> apply.accept(record, row),
                        // a job left behind may hold records of other batches
                        () -> LOG.debugf("Bulk job %s: a %s result for %s %s, not a record of this batch", jobId,
                                file, run.externalIdField(), externalId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + file + " results of bulk job " + jobId, e);
        }
    }

    /** Names everything needed to find and fix the record: where it is, which field, which value, why. */
    private static String describe(BulkJobRun run, PipelineRecord record, List<RowError> errors) {
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
        return where(run, record) + ": " + (parts.isEmpty() ? "failed without an error" : String.join("; ", parts));
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

    private static String where(BulkJobRun run, PipelineRecord record) {
        return record.getSourceRef() + ": " + run.object() + " " + record.getLegacyId();
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
