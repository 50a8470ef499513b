package io.cutover.sync;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.run.Runs;
import io.cutover.source.Exports;
import io.cutover.source.RequeuedRejects;
import io.cutover.source.ResumedRead;
import io.cutover.state.Absences;
import io.cutover.state.Ledger;
import io.cutover.state.SyncQueue;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Deletions an authoritative export shows by leaving records out (cutover.sync.authoritative): once a complete read
 * of the object's export has staged every record it read, each record the target holds that the read did not find
 * is staged as a deletion (or skipped, when deletions are ignored), numbered after the records read, so that the run
 * loads and reports it like a deletion the legacy CRM flagged. Only a read of the whole export counts: a full or dry
 * run, or the final delta's complete read; not a sample, a segment, a requeue, a run asked to stop, nor a sync cycle's
 * changes. A read that finds more missing than {@code cutover.sync.absent.max-share} stops the run: an export cut
 * short must not delete the records it lacks.
 */
@Singleton
@Named("absentRecords")
public class AbsentRecords {

    /** How many deletions a complete read staged for records missing from the export: they count as read. */
    public static final String ABSENT = "absentRecords";

    private static final Logger LOG = Logger.getLogger(AbsentRecords.class);
    private static final int STAGE_CHUNK = 1_000;

    private final SyncSettings settings;
    private final Absences absences;
    private final Ledger ledger;
    private final Config config;

    AbsentRecords(SyncSettings settings, Absences absences, Ledger ledger, Config config) {
        this.settings = settings;
        this.absences = absences;
        this.ledger = ledger;
        this.config = config;
    }

    public void stage(Exchange exchange) {
        String object = exchange.getProperty("object", String.class);
        if (!settings.authoritative(object) || !readWholeExport(exchange, object)) {
            return;
        }
        String runId = exchange.getProperty("runId", String.class);
        long recordsRead = exchange.getProperty(Exports.READ, ResumedRead.class).recordsRead();
        Absences.Count count = absences.count(runId, object);
        if (count.notRead() > 0) {
            stageAbsent(exchange, runId, object, count, recordsRead);
        }
        // an attempt at this run that crashed after staging them leaves them staged: they are counted all the same
        exchange.setProperty(ABSENT, absences.stagedAfter(runId, object, recordsRead));
    }

    private void stageAbsent(Exchange exchange, String runId, String object, Absences.Count count, long recordsRead) {
        if (count.notRead() > settings.absentMaxShare() * count.inTarget()) {
            throw new IllegalStateException(String.format("%s: %d of the %d records in the target are missing from "
                    + "the complete export, more than cutover.sync.absent.max-share (%.0f %%) allows: is the export cut "
                    + "short? Nothing is deleted; if these deletions are real, raise the share for this run", object,
                    count.notRead(), count.inTarget(), settings.absentMaxShare() * 100));
        }
        DeletePolicy policy = settings.deletes(object);
        // numbered on after those an earlier attempt at this run staged, if it crashed half way through them
        long recordNumber = recordsRead + absences.stagedAfter(runId, object, recordsRead);
        List<PipelineRecord> chunk = new ArrayList<>();
        for (String legacyId : absences.legacyIds(runId, object)) {
            chunk.add(absent(runId, object, legacyId, ++recordNumber, policy));
            if (chunk.size() == STAGE_CHUNK) {
                stage(chunk, exchange);
            }
        }
        stage(chunk, exchange);
        LOG.infof("%s: %d records in the target are missing from the complete export: %s", object, count.notRead(),
                policy == DeletePolicy.DELETE ? "deleted" : "ignored (cutover.sync.deletes is ignore)");
    }

    private static PipelineRecord absent(String runId, String object, String legacyId, long recordNumber,
            DeletePolicy policy) {
        String sourceRef = object + " " + legacyId + ": not in the complete export";
        if (policy == DeletePolicy.IGNORE) {
            PipelineRecord ignored = new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, Map.of(), null);
            ignored.skip("DELETE_IGNORED", sourceRef + " (cutover.sync.authoritative); cutover.sync.deletes is ignore for "
                    + object);
            return ignored;
        }
        return PipelineRecord.toDelete(runId, object, legacyId, recordNumber, sourceRef);
    }

    private void stage(List<PipelineRecord> chunk, Exchange exchange) {
        if (!chunk.isEmpty()) {
            ledger.stage(new ArrayList<>(chunk), exchange.getProperty("dryRun", Boolean.class),
                    exchange.getProperty("runKind", String.class));
            chunk.clear();
        }
    }

    private boolean readWholeExport(Exchange exchange, String object) {
        AtomicBoolean stopRequested = exchange.getProperty(Runs.STOP_REQUESTED, AtomicBoolean.class);
        if (exchange.getProperty(RequeuedRejects.FOLDER, Path.class) != null
                || stopRequested != null && stopRequested.get()
                || config.getOptionalValue("cutover.run.segment." + object, String.class).isPresent()) {
            return false;
        }
        String runKind = exchange.getProperty("runKind", String.class);
        return "full".equals(runKind) || "dry-run".equals(runKind)
                || SyncQueue.SYNC_RUN.equals(runKind) && Boolean.TRUE.equals(exchange.getProperty(Exports.COMPLETE_READ, Boolean.class));
    }
}
