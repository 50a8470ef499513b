package io.cutover.sandbox;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.cutover.sandbox.soql.SoqlException;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

/**
 * A field named in a query: a field of the queried object ({@code Name}) or of a parent through a relationship
 * ({@code Account.Legacy_Id__c}, one level).
 */
record FieldPath(FieldDescribe field, FieldDescribe referenceField, SObjectDescribe parent) {

    static FieldPath resolve(String path, SObjectDescribe object, TargetSchema schema) {
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            return new FieldPath(object.field(path).orElseThrow(() -> noSuchColumn(path, object)), null, null);
        }
        if (parts.length == 2) {
            Optional<FieldDescribe> reference = object.referenceByRelationshipName(parts[0]);
            Optional<SObjectDescribe> parent = reference.filter(r -> !r.referenceTo().isEmpty())
                    .flatMap(r -> schema.find(r.referenceTo().get(0)));
            if (parent.isPresent()) {
                FieldDescribe field = parent.get().field(parts[1]).orElseThrow(() -> noSuchColumn(path, object));
                return new FieldPath(field, reference.get(), parent.get());
            }
        }
        throw noSuchColumn(path, object);
    }

    boolean throughParent() {
        return referenceField != null;
    }

    /** The value of this field for a record; parents are looked up once per query through {@code parents}. */
    JsonNode valueOf(StoredRecord record, Map<String, Optional<StoredRecord>> parents, OrgTransaction org)
            throws SQLException {
        if (!throughParent()) {
            return record.fields().path(field.name()).isMissingNode() ? NullNode.instance
                    : record.fields().get(field.name());
        }
        Optional<StoredRecord> parentRecord = parentOf(record, parents, org);
        return parentRecord.map(p -> p.fields().path(field.name()))
                .filter(value -> !value.isMissingNode()).orElse(NullNode.instance);
    }

    Optional<StoredRecord> parentOf(StoredRecord record, Map<String, Optional<StoredRecord>> parents,
            OrgTransaction org) throws SQLException {
        JsonNode parentId = record.fields().path(referenceField.name());
        if (!parentId.isTextual()) {
            return Optional.empty();
        }
        Optional<StoredRecord> parent = parents.get(parentId.asText());
        if (parent == null) {
            parent = org.find(parentId.asText());
            parents.put(parentId.asText(), parent);
        }
        return parent;
    }

    private static SoqlException noSuchColumn(String path, SObjectDescribe object) {
        return new SoqlException("INVALID_FIELD", "No such column '" + path + "' on entity '" + object.name()
                + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field"
                + " name. Please reference your WSDL or the describe call for the appropriate names.");
    }
}
