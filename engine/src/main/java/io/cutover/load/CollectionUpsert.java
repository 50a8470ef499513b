package io.cutover.load;

import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

/**
 * The load stage for Salesforce sObject collections: turns a batch into an upsert-by-external-id request for
 * camel-salesforce, and the per-record results back into outcomes. Salesforce answers a collection call with one
 * result per record, in the order of the request.
 */
@Singleton
@Named("collectionUpsert")
public class CollectionUpsert {

    private final MappingCatalog mappings;

    CollectionUpsert(MappingCatalog mappings) {
        this.mappings = mappings;
    }

    /** The records of the batch still to be sent; sets the object and external id headers camel-salesforce reads. */
    public List<Map<String, Object>> request(@Body List<PipelineRecord> batch, Exchange exchange) {
        List<PipelineRecord> loadable = batch.stream().filter(PipelineRecord::isLoadable).toList();
        if (loadable.isEmpty()) {
            return List.of();
        }
        ObjectMapping mapping = mappings.forObject(loadable.get(0).getObject());
        exchange.getMessage().setHeader("sObjectName", mapping.object());
        exchange.getMessage().setHeader("sObjectIdName", mapping.externalIdField());
        return loadable.stream().map(record -> sObject(mapping.object(), record)).toList();
    }

    public void applyResults(@Variable("batch") List<PipelineRecord> batch, @Body List<UpsertSObjectResult> results) {
        List<PipelineRecord> sent = batch.stream().filter(PipelineRecord::isLoadable).toList();
        if (results.size() != sent.size()) {
            throw new IllegalStateException("Salesforce answered " + results.size() + " results for " + sent.size()
                    + " records sent; the outcomes cannot be matched to the records");
        }
        for (int i = 0; i < sent.size(); i++) {
            PipelineRecord record = sent.get(i);
            UpsertSObjectResult result = results.get(i);
            if (Boolean.TRUE.equals(result.getSuccess())) {
                record.loaded(result.getId(), Boolean.TRUE.equals(result.getCreated()));
            } else {
                List<RestError> errors = result.getErrors() == null ? List.of() : result.getErrors();
                String code = errors.isEmpty() ? "UNKNOWN_ERROR" : errors.get(0).getErrorCode();
                String message = record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId() + ": "
                        + describe(errors);
                if (TargetErrors.passing(code)) {
                    record.retry(code, message);
                } else {
                    record.reject(code, message);
                }
            }
        }
    }

    private static Map<String, Object> sObject(String object, PipelineRecord record) {
        Map<String, Object> sObject = new LinkedHashMap<>();
        sObject.put("attributes", Map.of("type", object));
        sObject.putAll(record.fieldsToWrite());
        return sObject;
    }

    private static String describe(List<RestError> errors) {
        return errors.stream()
                .map(e -> e.getErrorCode() + ": " + e.getMessage() + TargetErrors.explanation(e.getErrorCode())
                        + (e.getFields() == null || e.getFields().isEmpty() ? "" : " " + e.getFields()))
                .collect(Collectors.joining("; "));
    }
}
