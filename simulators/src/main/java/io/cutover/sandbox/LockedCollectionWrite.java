package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Wraps a collection write in what concurrency costs in Salesforce: the per-record latency, and, when enabled, the
 * parent locks that make children of a parent another call is saving fail with UNABLE_TO_LOCK_ROW.
 */
@ApplicationScoped
public class LockedCollectionWrite {

    @Inject
    FaultInjection faults;

    @Inject
    ParentLocks locks;

    @Inject
    TargetSchema schema;

    /**
     * @param write saves the records it is given and answers one result per record, in order
     * @param failure the result of a record that could not lock its parent
     */
    public <R> List<R> run(List<ObjectNode> records, boolean allOrNone, Function<List<ObjectNode>, List<R>> write,
            Function<RecordError, R> failure) {
        if (!faults.locksParents()) {
            faults.pauseForRecords(records.size());
            return write.apply(records);
        }
        Object call = new Object();
        try {
            List<RecordError> lockErrors = new ArrayList<>();
            for (ObjectNode record : records) {
                Set<String> held = locks.lock(call, parentsOf(record));
                lockErrors.add(held.isEmpty() ? null : new RecordError("UNABLE_TO_LOCK_ROW",
                        "unable to obtain exclusive access to this record or " + held.size() + " records: "
                                + String.join(",", held), List.of()));
            }
            faults.pauseForRecords(records.size());
            boolean anyLocked = lockErrors.stream().anyMatch(error -> error != null);
            if (anyLocked && allOrNone) {
                return lockErrors.stream()
                        .map(error -> failure.apply(error == null ? CollectionUpsert.ROLLED_BACK : error)).toList();
            }
            List<ObjectNode> free = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (lockErrors.get(i) == null) {
                    free.add(records.get(i));
                }
            }
            Iterator<R> saved = (free.isEmpty() ? List.<R>of() : write.apply(free)).iterator();
            List<R> results = new ArrayList<>();
            for (RecordError error : lockErrors) {
                results.add(error == null ? saved.next() : failure.apply(error));
            }
            return results;
        } finally {
            locks.release(call);
        }
    }

    /** Parent ids the record references, and parents it names by external id ("Account:Legacy_Id__c=A-1"). */
    private Set<String> parentsOf(ObjectNode record) {
        Set<String> parents = new TreeSet<>();
        Optional<SObjectDescribe> object = schema.find(record.path("attributes").path("type").asText());
        if (object.isEmpty()) {
            return parents;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<FieldDescribe> describe = object.get().field(field.getKey());
            if (describe.isPresent() && describe.get().isReference() && field.getValue().isTextual()) {
                String id = SalesforceIds.normalize(field.getValue().asText());
                if (id != null) {
                    parents.add(id);
                }
            } else if (describe.isEmpty() && field.getValue().isObject() && !field.getKey().equals("attributes")) {
                parents.add(field.getKey() + ":" + field.getValue().toString().toLowerCase());
            }
        }
        return parents;
    }
}
