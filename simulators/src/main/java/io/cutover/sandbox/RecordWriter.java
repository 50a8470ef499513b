package io.cutover.sandbox;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.SObjectDescribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Saves validated values: assigns ids, keeps the audit fields, and enforces unique fields. */
@ApplicationScoped
public class RecordWriter {

    private final Clock clock = Clock.systemUTC();

    @Inject
    SandboxConfig config;

    /** The id of the new record, or the DUPLICATE_VALUE error that prevented it. */
    public record Saved(String id, RecordError error) {
    }

    public Saved create(SObjectDescribe object, ObjectNode values, OrgTransaction org) throws SQLException {
        return create(object, values, org, null);
    }

    /** @param id the new record's id, for a record the org must have under a known id (its own user); null for a new one */
    public Saved create(SObjectDescribe object, ObjectNode values, OrgTransaction org, String id) throws SQLException {
        Optional<RecordError> duplicate = duplicateValue(object, values, null, org)
                .or(() -> duplicateRule(object, values, null, org));
        if (duplicate.isPresent()) {
            return new Saved(null, duplicate.get());
        }
        if (id == null) {
            id = SalesforceIds.newId(object.keyPrefix(), org.nextRecordNumber());
        }
        String now = SalesforceTimestamps.format(clock.instant());
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("Id", id);
        fields.setAll(values);
        if (object.field("IsDeleted").isPresent()) {
            fields.put("IsDeleted", false);
        }
        if (!fields.hasNonNull("OwnerId")) {
            // the owner defaults to the user who creates the record
            setIfDescribed(object, fields, "OwnerId", OAuthResource.USER_ID);
        }
        setIfDescribed(object, fields, "CreatedDate", now);
        setIfDescribed(object, fields, "CreatedById", OAuthResource.USER_ID);
        stampModification(object, fields, now);
        StoredRecord record = new StoredRecord(id, object.name(), fields);
        org.insert(record, RecordKeys.keysOf(object, fields));
        return new Saved(id, null);
    }

    public Saved update(SObjectDescribe object, StoredRecord existing, ObjectNode values, OrgTransaction org)
            throws SQLException {
        Optional<RecordError> duplicate = duplicateValue(object, values, existing.id(), org)
                .or(() -> duplicateRule(object, values, existing.id(), org));
        if (duplicate.isPresent()) {
            return new Saved(null, duplicate.get());
        }
        ObjectNode fields = existing.fields().deepCopy();
        fields.setAll(values);
        stampModification(object, fields, SalesforceTimestamps.format(clock.instant()));
        org.update(new StoredRecord(existing.id(), existing.objectName(), fields), RecordKeys.keysOf(object, fields));
        return new Saved(existing.id(), null);
    }

    private static void stampModification(SObjectDescribe object, ObjectNode fields, String now) {
        setIfDescribed(object, fields, "LastModifiedDate", now);
        setIfDescribed(object, fields, "LastModifiedById", OAuthResource.USER_ID);
        setIfDescribed(object, fields, "SystemModstamp", now);
    }

    private static void setIfDescribed(SObjectDescribe object, ObjectNode fields, String name, String value) {
        if (object.field(name).isPresent()) {
            fields.put(name, value);
        }
    }

    /**
     * The org's duplicate rules on the object (cutover.sandbox.duplicate-rules): the records of the object, other than
     * this one, whose value of a rule's field is the one saved. Read by scanning the object's records, as such rules are
     * few and the sandbox's orgs small.
     */
    private Optional<RecordError> duplicateRule(SObjectDescribe object, ObjectNode values, String ownId, OrgTransaction org) {
        for (String rule : config.duplicateRules().orElse(List.of())) {
            int dot = rule.indexOf('.');
            if (dot < 0 || !rule.substring(0, dot).equalsIgnoreCase(object.name())) {
                continue;
            }
            String field = object.field(rule.substring(dot + 1)).map(described -> described.name()).orElse(null);
            if (field == null) {
                continue;
            }
            JsonNode value = values.get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                continue;
            }
            String wanted = value.asText().strip().toLowerCase(Locale.ROOT);
            List<String> matched;
            try {
                matched = org.all(object.name()).stream().filter(record -> !record.id().equals(ownId)).filter(record -> {
                    JsonNode held = record.fields().get(field);
                    return held != null && !held.isNull() && held.asText().strip().toLowerCase(Locale.ROOT).equals(wanted);
                }).map(StoredRecord::id).toList();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the " + object.name() + " records a duplicate rule compares", e);
            }
            if (!matched.isEmpty()) {
                return Optional.of(DuplicateResult.blocked(object.name(), field, matched));
            }
        }
        return Optional.empty();
    }

    private static Optional<RecordError> duplicateValue(SObjectDescribe object, ObjectNode values, String ownId,
            OrgTransaction org) throws SQLException {
        for (Map.Entry<String, String> key : RecordKeys.keysOf(object, values).entrySet()) {
            if (!object.field(key.getKey()).orElseThrow().unique()) {
                continue;
            }
            for (String id : org.idsByKey(object.name(), key.getKey(), key.getValue())) {
                if (!id.equals(ownId)) {
                    return Optional.of(new RecordError("DUPLICATE_VALUE", "duplicate value found: " + key.getKey()
                            + " duplicates value on record with id: " + id, List.of()));
                }
            }
        }
        return Optional.empty();
    }
}
