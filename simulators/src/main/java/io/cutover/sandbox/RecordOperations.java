package io.cutover.sandbox;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.SObjectDescribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Create, update, delete and upsert of one record inside a transaction: what every write resource shares. */
@ApplicationScoped
public class RecordOperations {

    static final RecordError ENTITY_IS_DELETED = new RecordError("ENTITY_IS_DELETED", "entity is deleted", List.of());

    @Inject
    RecordValidator validator;

    @Inject
    RecordWriter writer;

    /** A record found by id, or the per-record error Salesforce answers when there is none. */
    public record Located(StoredRecord record, RecordError error) {
        boolean found() {
            return record != null;
        }
    }

    /** The outcome of an upsert by external id: several matches leave {@code result} null. */
    public record ExternalIdUpsert(List<String> matchingIds, SaveResult result, boolean created) {
    }

    public SaveResult create(SObjectDescribe object, ObjectNode input, OrgTransaction org) throws SQLException {
        JsonNode id = input.get("Id");
        if (id != null && !id.isNull()) {
            return SaveResult.failed(null, new RecordError("INVALID_FIELD", "cannot specify Id in an insert call",
                    List.of("Id")));
        }
        RecordValidator.Outcome outcome = validator.validate(object, input, true, "Id", org);
        if (!outcome.valid()) {
            return SaveResult.failed(null, outcome.errors());
        }
        return toResult(writer.create(object, outcome.values(), org));
    }

    public SaveResult update(StoredRecord existing, SObjectDescribe object, ObjectNode input, OrgTransaction org)
            throws SQLException {
        RecordValidator.Outcome outcome = validator.validate(object, input, false, "Id", org);
        if (!outcome.valid()) {
            return SaveResult.failed(existing.id(), outcome.errors());
        }
        return toResult(writer.update(object, existing, outcome.values(), org));
    }

    public SaveResult delete(String rawId, OrgTransaction org) throws SQLException {
        Located located = locate(rawId, Optional.empty(), org);
        if (!located.found()) {
            return SaveResult.failed(rawId, located.error());
        }
        org.delete(located.record().id());
        return SaveResult.saved(located.record().id());
    }

    /** @param object the object the record must belong to, when the caller named one */
    public Located locate(String rawId, Optional<SObjectDescribe> object, OrgTransaction org) throws SQLException {
        String id = rawId == null ? null : SalesforceIds.normalize(rawId);
        if (id == null) {
            return new Located(null, new RecordError("MALFORMED_ID", "malformed id " + rawId, List.of()));
        }
        Optional<StoredRecord> record = org.find(id)
                .filter(found -> object.isEmpty() || found.objectName().equals(object.get().name()));
        if (record.isPresent()) {
            return new Located(record.get(), null);
        }
        if (org.isDeleted(id)) {
            return new Located(null, ENTITY_IS_DELETED);
        }
        return new Located(null, new RecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                List.of()));
    }

    /**
     * {@code PATCH sobjects/{Object}/{field}/{value}}: creates the record when no record has the value, updates it
     * when one has, and does nothing when several have (Salesforce's 300 Multiple Choices).
     */
    public ExternalIdUpsert upsert(SObjectDescribe object, String field, String value, ObjectNode input,
            OrgTransaction org) throws SQLException {
        List<String> ids = org.idsMatching(object.name(), object.field(field).orElseThrow(),
                RecordKeys.keyOf(input.textNode(value)));
        if (ids.size() > 1) {
            return new ExternalIdUpsert(ids, null, false);
        }
        ObjectNode values = input.deepCopy();
        values.remove(field);
        values.put(field, value);
        if (ids.isEmpty()) {
            return new ExternalIdUpsert(ids, create(object, values, org), true);
        }
        StoredRecord existing = org.find(ids.get(0)).orElseThrow();
        RecordValidator.Outcome outcome = validator.validate(object, values, false, field, org);
        SaveResult result = outcome.valid() ? toResult(writer.update(object, existing, outcome.values(), org))
                : SaveResult.failed(existing.id(), outcome.errors());
        return new ExternalIdUpsert(ids, result, false);
    }

    private static SaveResult toResult(RecordWriter.Saved saved) {
        return saved.error() != null ? SaveResult.failed(null, saved.error()) : SaveResult.saved(saved.id());
    }
}
