package io.cutover.load;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;

/**
 * The polls of a closed Bulk API 2.0 job (routes/load-salesforce-bulk.yaml, collect-bulk-job): each when the job should
 * have finished ({@link BulkJobPace}), until it has or {@code cutover.load.bulk-job-time-limit} has passed.
 */
@Singleton
@Named("bulkJobPolls")
public class BulkJobPolls {

    private final BulkJobPace pace;
    private final Duration jobTimeLimit;

    BulkJobPolls(BulkJobPace pace, LoadConfig load) {
        this.pace = pace;
        this.jobTimeLimit = load.bulkJobTimeLimit();
    }

    /** The job's time limit runs from now (it is then aborted, and its results read as they are). */
    public void begin(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        run.pollsBegin(Instant.now());
    }

    /** The job is still being processed and there is time left to wait for it. */
    public boolean pollAgain(@Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        return run.stillRunning() && Instant.now().isBefore(run.pollsBegan().plus(jobTimeLimit));
    }

    /** The wait before the n-th poll of the job (from 0): until it should have finished. */
    public long waitMillis(@ExchangeProperty(Exchange.LOOP_INDEX) int poll, @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        return pace.nextWait(run.object(), run.records().size(), run.processed(), sincePollsBegan(run), poll).toMillis();
    }

    /** What the poll saw of the job, in the run and for the pace of the object's next jobs. */
    public void polled(@Body Job job, @ExchangeProperty(Exchange.LOOP_INDEX) int poll,
            @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        run.seen(job);
        pace.seen(run.object(), run.records().size(), run.processed(), run.finished(), sincePollsBegan(run), poll);
    }

    /** The job as its abort left it: its results are read as they are. */
    public void aborted(@Body Job job, @Variable(BulkJobRun.VARIABLE) BulkJobRun run) {
        run.seen(job);
    }

    /** The polls began when the job was closed; never more than the job's time limit. */
    private Duration sincePollsBegan(BulkJobRun run) {
        Duration since = Duration.between(run.pollsBegan(), Instant.now());
        return since.compareTo(jobTimeLimit) > 0 ? jobTimeLimit : since;
    }
}
