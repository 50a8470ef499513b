package io.cutover.rollback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cutover.mapping.MappingCatalog;
import io.cutover.state.RollbackStore;
import io.cutover.state.RunRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The steps of the rollback route (routes/rollback.yaml): which run, which objects in which order, the records to
 * delete and to restore a page at a time, and what each call's per-record results mean for the ledger. Results are
 * matched to records by target id.
 */
@Singleton
@Named("rollbacks")
public class Rollbacks {

    /** The run to roll back (exchange property). */
    public static final String ROLLED_BACK_RUN = "rolledBackRunId";
    static final String PROGRESS = "rollbackProgress";
    static final String STARTED_AT = "rollbackStartedAt";
    /** The most records one sObject-collection call takes. */
    static final int RECORDS_PER_CALL = 200;
    static final String ROLLED_BACK = "rolled back";
    private static final String MODE = "rollback";
    /** The target no longer has the record: what the rollback was to do is done. */
    private static final Set<String> ALREADY_DELETED = Set.of("ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY");
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final TypeReference<LinkedHashMap<String, Object>> FIELD_VALUES = new TypeReference<>() {};
    private static final Logger LOG = Logger.getLogger(Rollbacks.class);

    private final RollbackStore store;
    private final RunRepository runs;
    private final MappingCatalog mappings;
    private final ObjectMapper json;
    private final Path dataDir;

    Rollbacks(RollbackStore store, RunRepository runs, MappingCatalog mappings, ObjectMapper json,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.store = store;
        this.runs = runs;
        this.mappings = mappings;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.dataDir = dataDir;
    }

    /**
     * Refuses a run that cannot be rolled back, with why: unknown, a rollback itself, already rolled back, not finished,
     * or later runs created or updated records: rolling it back would undo their changes to the same records, or
     * delete the parents of the records they created. Runs are rolled back latest first.
     */
    void check(String runId) {
        RollbackStore.Run run = store.run(runId).orElseThrow(() -> new RollbackRefused("there is no run " + runId));
        if (MODE.equals(run.mode())) {
            throw new RollbackRefused("run " + runId + " is itself a rollback");
        }
        if (ROLLED_BACK.equals(run.status())) {
            throw new RollbackRefused("run " + runId + " is already rolled back");
        }
        if ("running".equals(run.status())) {
            throw new RollbackRefused("run " + runId + " is running, or was killed: the next run of its kind resumes it; roll it back once it has ended");
        }
        Map<String, Long> later = store.laterChanges(run, ROLLED_BACK);
        if (!later.isEmpty()) {
            throw new RollbackRefused("later runs created or updated records after run " + runId + " ("
                    + later.entrySet().stream().map(e -> "run " + e.getKey() + ": " + e.getValue() + " records")
                            .collect(Collectors.joining(", ")) + "): roll them back first, latest first");
        }
    }

    /**
     * Opens the rollback's own run and returns the run's objects children first (the reverse of the order the run
     * loaded them): a parent is deleted only once its new children are.
     */
    public List<String> start(Exchange exchange) {
        String runId = exchange.getProperty(ROLLED_BACK_RUN, String.class);
        check(runId);
        Instant now = Instant.now();
        String rollbackRunId = RUN_ID_TIME.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        runs.start(rollbackRunId, MODE, now, null);
        exchange.setProperty("runId", rollbackRunId);
        exchange.setProperty(STARTED_AT, now);
        exchange.setProperty(PROGRESS, new RollbackProgress());
        List<String> objects = new ArrayList<>(store.objects(runId));
        Collections.reverse(objects);
        LOG.infof("Rollback %s of run %s started: %s", rollbackRunId, runId, objects);
        return objects;
    }

    /** The records the run created in the object and the target still has, {@value #RECORDS_PER_CALL} at a time. */
    public Iterator<List<CreatedRecord>> createdRecords(@ExchangeProperty(ROLLED_BACK_RUN) String runId,
            @ExchangeProperty("object") String object, @ExchangeProperty(PROGRESS) RollbackProgress progress) {
        progress.startObject(object);
        store.createdWithoutTargetId(runId, object).forEach((legacyId, sourceRef) -> progress.failed(new RollbackReport.Failure(
                object, legacyId, null, "delete", "NO_TARGET_ID", sourceRef + ": the run created " + object + " " + legacyId
                        + " but kept no target id: find it in the target by its external id and delete it there")));
        return new Pages<CreatedRecord>(last -> store.created(runId, object, last == null ? 0 : last.recordNumber(), RECORDS_PER_CALL));
    }

    /** The ids to delete, for camel-salesforce's compositeDeleteSObjectCollections. */
    public List<String> deleteRequest(@Body List<CreatedRecord> records) {
        return records.stream().map(CreatedRecord::targetId).toList();
    }

    /** Deleted (or already gone) records leave the ledger, or get back the entry they had before the run. */
    public void deleted(@Variable("records") List<CreatedRecord> records, @Body List<DeleteSObjectResult> results,
            @ExchangeProperty(ROLLED_BACK_RUN) String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(PROGRESS) RollbackProgress progress) {
        Map<CreatedRecord, CallResult> matched = match(records,
                results.stream().map(r -> new CallResult(r.getId(), Boolean.TRUE.equals(r.getSuccess()), r.getErrors())).toList());
        List<CreatedRecord> gone = new ArrayList<>();
        matched.forEach((record, result) -> {
            String code = result.firstErrorCode();
            if (result.success()) {
                progress.deleted(object);
                gone.add(record);
            } else if (ALREADY_DELETED.contains(code)) {
                progress.alreadyDeleted(object);
                gone.add(record);
            } else {
                progress.failed(new RollbackReport.Failure(object, record.legacyId(), record.targetId(), "delete", code,
                        result.describeErrors()));
            }
        });
        store.forgetDeleted(runId, object, gone);
    }

    /** The before-images of the records the run updated in the object, not yet restored, {@value #RECORDS_PER_CALL} at a time. */
    public Iterator<List<KeptImage>> updatedRecords(@ExchangeProperty(ROLLED_BACK_RUN) String runId,
            @ExchangeProperty("object") String object, @ExchangeProperty(PROGRESS) RollbackProgress progress) {
        store.updatedWithoutImage(runId, object).forEach((legacyId, sourceRef) -> progress.failed(new RollbackReport.Failure(
                object, legacyId, null, "restore", "NO_BEFORE_IMAGE", sourceRef + ": the run updated " + object + " "
                        + legacyId + " without a before-image, so it is left as it is: the ledger had no target id for it "
                        + "when the run first sent it (the target had it under its external id already, or an attempt "
                        + "of this run created it and stopped before recording it), or the run was made before "
                        + "before-images were kept")));
        return new Pages<KeptImage>(last -> store.keptImages(runId, object, last == null ? "" : last.legacyId(), RECORDS_PER_CALL));
    }

    /** The before-images as records for camel-salesforce's compositeUpdateSObjectCollections. */
    public List<Map<String, Object>> restoreRequest(@Body List<KeptImage> images, @ExchangeProperty("object") String object) {
        String sObject = mappings.forObject(object).object();
        List<Map<String, Object>> records = new ArrayList<>();
        for (KeptImage image : images) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", Map.of("type", sObject));
            record.put("Id", image.targetId());
            try {
                record.putAll(json.readValue(image.fieldValues(), FIELD_VALUES));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The before-image of " + object + " " + image.legacyId() + " is not JSON", e);
            }
            records.add(record);
        }
        return records;
    }

    /** Restored records get back the ledger entry they had before the run. */
    public void restored(@Variable("records") List<KeptImage> images, @Body List<SaveSObjectResult> results,
            @ExchangeProperty(ROLLED_BACK_RUN) String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(PROGRESS) RollbackProgress progress) {
        Map<KeptImage, CallResult> matched = match(images,
                results.stream().map(r -> new CallResult(r.getId(), Boolean.TRUE.equals(r.getSuccess()), r.getErrors())).toList());
        List<KeptImage> done = new ArrayList<>();
        matched.forEach((image, result) -> {
            if (result.success()) {
                progress.restored(object);
                done.add(image);
            } else {
                progress.failed(new RollbackReport.Failure(object, image.legacyId(), image.targetId(), "restore",
                        result.firstErrorCode(), result.describeErrors()));
            }
        });
        store.restored(runId, object, done);
    }

    /**
     * The delete or update call itself failed (routes/rollback.yaml): none of its records is rolled back; starting the
     * rollback again retries them.
     */
    public void callFailed(@Variable("records") List<? extends RolledBackRecord> records,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure, @ExchangeProperty("object") String object,
            @ExchangeProperty(PROGRESS) RollbackProgress progress) {
        for (RolledBackRecord record : records) {
            progress.failed(new RollbackReport.Failure(object, record.legacyId(), record.targetId(), record.action(),
                    "TARGET_CALL_FAILED", "the call to the target failed: " + failure.getMessage()));
        }
    }

    public RollbackReport finish(Exchange exchange) {
        RollbackProgress progress = exchange.getProperty(PROGRESS, RollbackProgress.class);
        RollbackReport report = end(exchange, "completed", progress.objects(), progress.failures(), null);
        if (report.failures().isEmpty()) {
            store.setStatus(report.runId(), ROLLED_BACK);
        }
        return report;
    }

    /** The run cannot be rolled back: nothing was done, no rollback run is recorded. */
    RollbackReport refused(String runId, RollbackRefused why) {
        LOG.errorf("Run %s cannot be rolled back: %s", runId, why.getMessage());
        return new RollbackReport(runId, null, "refused", null, Instant.now(), Map.of(), List.of(), why.getMessage());
    }

    /** The rollback stopped on an error. */
    RollbackReport fail(Exchange exchange, Throwable cause) {
        String runId = exchange.getProperty(ROLLED_BACK_RUN, String.class);
        if (exchange.getProperty("runId") == null) {
            return cause instanceof RollbackRefused refusedNow ? refused(runId, refusedNow)
                    : new RollbackReport(runId, null, "failed", null, Instant.now(), Map.of(), List.of(), cause.getMessage());
        }
        RollbackProgress progress = exchange.getProperty(PROGRESS, RollbackProgress.class);
        return end(exchange, "failed", progress.objects(), progress.failures(), cause.getMessage());
    }

    private RollbackReport end(Exchange exchange, String status, Map<String, RollbackReport.ObjectRollback> objects,
            List<RollbackReport.Failure> failures, String error) {
        String rollbackRunId = exchange.getProperty("runId", String.class);
        Instant now = Instant.now();
        runs.end(rollbackRunId, status, now);
        RollbackReport report = new RollbackReport(exchange.getProperty(ROLLED_BACK_RUN, String.class), rollbackRunId, status,
                exchange.getProperty(STARTED_AT, Instant.class), now, objects, failures, error);
        Path file = dataDir.resolve("runs").resolve(report.runId()).resolve("rollback.json");
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rollback report " + file, e);
        }
        LOG.infof("%sReport: %s", summary(report), file);
        return report;
    }

    static String summary(RollbackReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Rollback of run %s (rollback run %s) %s%n", report.runId(), report.rollbackRunId(), report.status()));
        text.append(String.format("  %-24s %8s %15s %8s %8s%n", "object", "deleted", "already deleted", "restored", "failed"));
        report.objects().forEach((object, c) -> text.append(String.format("  %-24s %8d %15d %8d %8d%n",
                object, c.deleted(), c.alreadyDeleted(), c.restored(), c.failed())));
        report.failures().forEach(f -> text.append(String.format("  not rolled back: %s %s (%s) %s: %s %s%n",
                f.object(), f.legacyId(), f.targetId(), f.action(), f.reasonCode(), f.message())));
        if (report.error() != null) {
            text.append("  failed: ").append(report.error()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** One record's result in a collection call's answer. */
    private record CallResult(String id, boolean success, List<RestError> errors) {
        String firstErrorCode() {
            return errors == null || errors.isEmpty() ? (success ? null : "UNKNOWN_ERROR") : errors.get(0).getErrorCode();
        }

        String describeErrors() {
            return errors == null ? "" : errors.stream().map(e -> e.getErrorCode() + ": " + e.getMessage())
                    .collect(Collectors.joining("; "));
        }
    }

    /**
     * Each record's result, found by the record's target id. Salesforce leaves the id out of some failed results; those
     * alone are matched by their place in the answer, which Salesforce documents to be the order of the request.
     */
    private static <R extends RolledBackRecord> Map<R, CallResult> match(List<R> records, List<CallResult> results) {
        if (results.size() != records.size()) {
            throw new IllegalStateException("The target answered " + results.size() + " results for " + records.size()
                    + " records sent; they cannot be matched");
        }
        Map<String, R> byTargetId = new HashMap<>();
        records.forEach(record -> byTargetId.put(record.targetId(), record));
        Map<R, CallResult> matched = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            CallResult result = results.get(i);
            R record = result.id() == null ? records.get(i) : byTargetId.get(result.id());
            if (record == null) {
                throw new IllegalStateException("The target answered for " + result.id() + ", which was not sent");
            }
            matched.put(record, result);
        }
        if (matched.size() != records.size()) {
            throw new IllegalStateException("The target answered twice for some records of the call; they cannot be matched");
        }
        return matched;
    }

    /** The run cannot be rolled back: nothing was done. */
    static final class RollbackRefused extends RuntimeException {
        RollbackRefused(String message) {
            super(message);
        }
    }
}
