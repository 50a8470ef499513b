package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** sObject Collections create, update and delete: up to 200 records in one transaction, in order, optionally all or none. */
@ApplicationScoped
public class CollectionWrites {

    @Inject
    RecordStore store;

    @Inject
    TargetSchema schema;

    @Inject
    RecordOperations operations;

    @Inject
    LockedCollectionWrite locked;

    @FunctionalInterface
    private interface RecordWork<T> {
        SaveResult apply(T item, OrgTransaction org) throws java.sql.SQLException;
    }

    /** Records of any described object, each naming its type in {@code attributes.type}. */
    public List<SaveResult> create(List<ObjectNode> records, boolean allOrNone) {
        return locked.run(records, allOrNone, free -> inOneTransaction(free, allOrNone, (record, org) -> {
            SObjectDescribe object = schema.find(record.path("attributes").path("type").asText()).orElseThrow();
            return operations.create(object, record, org);
        }), error -> SaveResult.failed(null, error));
    }

    public List<SaveResult> update(List<ObjectNode> records, boolean allOrNone) {
        return locked.run(records, allOrNone, free -> inOneTransaction(free, allOrNone, (record, org) -> {
            SObjectDescribe object = schema.find(record.path("attributes").path("type").asText()).orElseThrow();
            JsonNode id = record.get("Id");
            if (id == null || id.isNull() || id.asText().isEmpty()) {
                return SaveResult.failed(null, new RecordError("MISSING_ARGUMENT", "Id not specified in an update call",
                        List.of()));
            }
            RecordOperations.Located located = operations.locate(id.asText(), Optional.of(object), org);
            if (!located.found()) {
                return SaveResult.failed(id.asText(), located.error());
            }
            return operations.update(located.record(), object, record, org);
        }), error -> SaveResult.failed(null, error));
    }

    public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
        return inOneTransaction(ids, allOrNone, operations::delete);
    }

    private <T> List<SaveResult> inOneTransaction(List<T> items, boolean allOrNone, RecordWork<T> work) {
        return store.write(org -> {
            List<SaveResult> results = new ArrayList<>();
            for (T item : items) {
                results.add(work.apply(item, org));
            }
            if (allOrNone && results.stream().anyMatch(result -> !result.success())) {
                org.setRollbackOnly();
                return results.stream().map(result -> result.success()
                        ? SaveResult.failed(result.id(), CollectionUpsert.ROLLED_BACK) : result).toList();
            }
            return results;
        });
    }
}
