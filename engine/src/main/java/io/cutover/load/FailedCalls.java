package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * What a load route does when its call to the target fails (the doCatch of the load and delete routes in
 * routes/load-salesforce.yaml, and of any load route that keeps its records in the variable {@code batch}): the records
 * of the batch are marked, as no answer told any of them apart.
 */
@Singleton
@Named("failedCalls")
public class FailedCalls {

    private final TargetOutage outage;

    FailedCalls(TargetOutage outage) {
        this.outage = outage;
    }

    /**
     * Every record of the batch still to load: to retry when the failure may pass (a server error, a limit, a lost
     * connection), rejected when the target refused the request itself.
     */
    public void markBatch(@Variable("batch") List<PipelineRecord> batch,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        String code = TargetErrors.callFailureCode(failure);
        outage.callFailed(failure);
        for (PipelineRecord record : batch) {
            if (record.isLoadable()) {
                String message = record.getSourceRef() + ": the call to the target failed: " + failure.getMessage();
                if (TargetErrors.passing(failure)) {
                    record.retry(code, message);
                } else {
                    record.reject(code, message);
                }
            }
        }
    }
}
