package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.OpenBulkJobs;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.jboss.logging.Logger;

/**
 * The recovery of Bulk API 2.0 jobs a killed run left behind (routes/load-salesforce-bulk.yaml): a closed job is kept
 * in the state store until its results have marked its records, so that a run started again collects those results
 * instead of uploading the records again.
 */
@Singleton
@Named("bulkJobRecovery")
public class BulkJobRecovery {

    private static final Logger LOG = Logger.getLogger(BulkJobRecovery.class);

    private final OpenBulkJobs openJobs;
    private final BulkJobRequest request;

    BulkJobRecovery(OpenBulkJobs openJobs, BulkJobRequest request) {
        this.openJobs = openJobs;
        this.request = request;
    }

    /**
     * The jobs a killed run left behind with records of this batch in them (closed, their results never collected),
     * each with those records; oldest first.
     */
    public List<BulkJobRun> leftBehind(@Body List<PipelineRecord> batch, @ExchangeProperty("runId") String runId) {
        BulkJobRun loadable = request.toSend(batch);
        if (!loadable.hasRecords()) {
            return List.of();
        }
        List<BulkJobRun> leftBehind = new ArrayList<>();
        openJobs.of(runId, loadable.object()).forEach((jobId, externalIds) -> {
            List<PipelineRecord> inJob = loadable.records().stream()
                    .filter(record -> externalIds.contains(loadable.externalId(record))).toList();
            if (!inJob.isEmpty()) {
                LOG.infof("Bulk job %s, left behind by an earlier attempt of run %s, has %,d %s records of this batch:"
                        + " collecting its results instead of uploading them again", jobId, runId, inJob.size(),
                        loadable.object());
                leftBehind.add(loadable.leftBehindIn(jobId, inJob));
            }
        });
        return leftBehind;
    }

    /** The job is closed (the run takes it as closed): from now on a killed run can collect its results when it starts again. */
    public void remember(@Body Job closed, @ExchangeProperty("runId") String runId,
            @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        run.seen(closed);
        openJobs.remember(runId, run.object(), run.jobId(), run.records().stream().map(run::externalId).toList());
    }

    /** The job's results are in the records. */
    public void collected(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        openJobs.forget(run.jobId());
    }

    /**
     * A job left behind whose results cannot be had (Salesforce no longer knows it, or a call failed): it is forgotten,
     * and its records not answered yet are uploaded again, which an upsert by external id makes safe.
     */
    public void abandonLeftBehind(@Variable(BulkJobRun.VARIABLE) BulkJobRun run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.warnf("Bulk job %s, left behind by an earlier attempt, cannot be collected (%s): its %,d unanswered %s"
                + " records are uploaded again", run.jobId(), failure.getMessage(), run.unanswered().size(), run.object());
        openJobs.forget(run.jobId());
    }
}
