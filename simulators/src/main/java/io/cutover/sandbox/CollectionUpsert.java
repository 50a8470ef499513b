package io.cutover.sandbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** sObject Collections upsert: create or update each record by an external id, in order, optionally all or none. */
@ApplicationScoped
public class CollectionUpsert {

    static final RecordError ROLLED_BACK = new RecordError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using AllOrNone header",
            List.of());

    @Inject
    RecordStore store;

    @Inject
    RecordValidator validator;

    @Inject
    RecordWriter writer;

    @Inject
    LockedCollectionWrite locked;

    /** @param matchField an upsert key of {@code object} (external id, unique or idLookup field), or "Id" to create records that have no id */
    public List<UpsertResult> upsert(SObjectDescribe object, String matchField, boolean allOrNone,
            List<ObjectNode> records) {
        return locked.run(records, allOrNone, free -> upsertInOneTransaction(object, matchField, allOrNone, free),
                error -> UpsertResult.failed(List.of(error)));
    }

    private List<UpsertResult> upsertInOneTransaction(SObjectDescribe object, String matchField, boolean allOrNone,
            List<ObjectNode> records) {
        return store.write(org -> {
            Map<String, Integer> occurrences = countMatchValues(matchField, records);
            List<UpsertResult> results = new ArrayList<>();
            for (ObjectNode record : records) {
                results.add(upsertOne(object, matchField, record, occurrences, org));
            }
            if (allOrNone && results.stream().anyMatch(result -> !result.success())) {
                org.setRollbackOnly();
                return results.stream()
                        .map(result -> result.success() ? UpsertResult.failed(List.of(ROLLED_BACK)) : result)
                        .toList();
            }
            return results;
        });
    }

    private UpsertResult upsertOne(SObjectDescribe object, String matchField, ObjectNode record,
            Map<String, Integer> occurrences, OrgTransaction org) throws SQLException {
        JsonNode matchValue = valueIgnoringCase(record, matchField);
        Optional<StoredRecord> existing;
        if (isIdField(matchField)) {
            if (matchValue == null || matchValue.isNull()) {
                existing = Optional.empty();
            } else {
                String id = SalesforceIds.normalize(matchValue.asText());
                existing = id == null ? Optional.empty() : org.find(id).filter(r -> r.objectName().equals(object.name()));
                if (existing.isEmpty()) {
                    return failure("MALFORMED_ID", "Id: id value of incorrect type: " + matchValue.asText(), "Id");
                }
            }
        } else {
            FieldDescribe field = object.field(matchField).orElseThrow();
            if (matchValue == null || matchValue.isNull() || matchValue.asText().isEmpty()) {
                return failure("MISSING_ARGUMENT", field.name() + " not specified", field.name());
            }
            String key = RecordKeys.keyOf(matchValue);
            if (occurrences.getOrDefault(key, 0) > 1) {
                return failure("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + matchValue.asText(),
                        field.name());
            }
            List<String> ids = org.idsMatching(object.name(), field, key);
            if (ids.size() > 1) {
                return failure("DUPLICATE_EXTERNAL_ID", field.name() + ": more than one record found for external id"
                        + " field: " + ids, field.name());
            }
            existing = ids.isEmpty() ? Optional.empty() : org.find(ids.get(0));
        }
        RecordValidator.Outcome outcome = validator.validate(object, record, existing.isEmpty(), matchField, org);
        if (!outcome.valid()) {
            return UpsertResult.failed(outcome.errors());
        }
        RecordWriter.Saved saved = existing.isPresent()
                ? writer.update(object, existing.get(), outcome.values(), org)
                : writer.create(object, outcome.values(), org);
        return saved.error() != null ? UpsertResult.failed(List.of(saved.error()))
                : UpsertResult.saved(saved.id(), existing.isEmpty());
    }

    private static Map<String, Integer> countMatchValues(String matchField, List<ObjectNode> records) {
        Map<String, Integer> occurrences = new HashMap<>();
        if (!isIdField(matchField)) {
            for (ObjectNode record : records) {
                JsonNode value = valueIgnoringCase(record, matchField);
                if (value != null && !value.isNull()) {
                    occurrences.merge(RecordKeys.keyOf(value), 1, Integer::sum);
                }
            }
        }
        return occurrences;
    }

    private static boolean isIdField(String field) {
        return field.equalsIgnoreCase("Id");
    }

    private static JsonNode valueIgnoringCase(ObjectNode record, String field) {
        for (var names = record.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equalsIgnoreCase(field)) {
                return record.get(name);
            }
        }
        return null;
    }

    private static UpsertResult failure(String statusCode, String message, String field) {
        return UpsertResult.failed(List.of(new RecordError(statusCode, message, List.of(field))));
    }
}
