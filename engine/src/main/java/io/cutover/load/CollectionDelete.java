package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Deletes from Salesforce the records the legacy CRM deleted (the cutover sync), by the target ids the ledger holds,
 * at most 200 a call (sObject collections), and marks each: deleted (also when the target had deleted it already),
 * rejected with the reason, or to retry.
 */
@Singleton
@Named("collectionDelete")
public class CollectionDelete {

    /** The record is gone already: what a delete was for. */
    private static final Set<String> ALREADY_DELETED = Set.of("ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY");

    public List<String> request(@Body List<PipelineRecord> batch) {
        return batch.stream().filter(PipelineRecord::isLoadable).map(PipelineRecord::getTargetId).toList();
    }

    /** Salesforce answers in the order of the request. */
    public void applyResults(@Variable("batch") List<PipelineRecord> batch, @Body List<DeleteSObjectResult> results) {
        List<PipelineRecord> sent = batch.stream().filter(PipelineRecord::isLoadable).toList();
        if (results.size() != sent.size()) {
            throw new IllegalStateException("Salesforce answered " + results.size() + " results for " + sent.size()
                    + " records to delete; the outcomes cannot be matched to the records");
        }
        for (int i = 0; i < sent.size(); i++) {
            PipelineRecord record = sent.get(i);
            DeleteSObjectResult result = results.get(i);
            List<RestError> errors = result.getErrors() == null ? List.of() : result.getErrors();
            String code = errors.isEmpty() ? "UNKNOWN_ERROR" : errors.get(0).getErrorCode();
            if (Boolean.TRUE.equals(result.getSuccess()) || ALREADY_DELETED.contains(code)) {
                record.deleted();
                continue;
            }
            String message = record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId()
                    + ": deleting " + record.getTargetId() + ": " + errors.stream()
                            .map(error -> error.getErrorCode() + ": " + error.getMessage()).collect(Collectors.joining("; "));
            if (TargetErrors.passing(code)) {
                record.retry(code, message);
            } else {
                record.reject(code, message);
            }
        }
    }
}
