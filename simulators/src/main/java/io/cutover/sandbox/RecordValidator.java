package io.cutover.sandbox;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks the field values of one record against the target schema the way Salesforce does on save, and turns them
 * into stored values: canonical field names, relationship references resolved to parent ids, normalised date-times.
 */
@ApplicationScoped
public class RecordValidator {

    private static final Set<String> TEXT_TYPES = Set.of("string", "textarea", "email", "phone", "url", "picklist",
            "multipicklist", "combobox", "encryptedstring");
    private static final Set<String> NUMBER_TYPES = Set.of("double", "currency", "percent", "int", "long");

    @Inject
    TargetSchema schema;

    @Inject
    RequiredOneOf requiredOneOf;

    /** The values to store, or why the record cannot be saved. */
    public record Outcome(ObjectNode values, List<RecordError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param input the record as sent, without "attributes"; the field named {@code matchField} (Id for a plain
     *        update) is left to the caller
     */
    public Outcome validate(SObjectDescribe object, ObjectNode input, boolean creating, String matchField,
            OrgTransaction org) throws SQLException {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        List<RecordError> errors = new ArrayList<>();
        List<RecordError> unknownColumns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> supplied = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> entries = input.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("attributes") || name.equalsIgnoreCase("Id")) {
                continue;
            }
            Optional<FieldDescribe> field = object.field(name);
            if (field.isEmpty() && value.isObject()) {
                resolveRelationship(object, name, (ObjectNode) value, org, values, errors);
            } else if (field.isEmpty()) {
                unknownColumns.add(error("INVALID_FIELD", "No such column '" + name + "' on sobject of type "
                        + object.name()));
            } else {
                supplied.add(field.get().name());
                checkValue(field.get(), value, creating, matchField, org, values, errors, missing);
            }
        }
        if (!unknownColumns.isEmpty()) {
            // Salesforce rejects unknown columns while reading the record, before it checks any value
            return new Outcome(values, unknownColumns);
        }
        if (creating) {
            object.fields().values().stream()
                    .filter(FieldDescribe::requiredOnCreate)
                    .filter(field -> !supplied.contains(field.name()) && !values.has(field.name()))
                    .forEach(field -> missing.add(field.name()));
            // a value sent for one of the group counts even if it was refused: the org reports that error instead
            requiredOneOf.of(object.name()).stream()
                    .filter(group -> group.stream().noneMatch(name -> values.hasNonNull(name) || input.hasNonNull(name)))
                    .forEach(missing::addAll);
        }
        if (!missing.isEmpty()) {
            errors.add(0, new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
        }
        return new Outcome(values, errors);
    }

    private void checkValue(FieldDescribe field, JsonNode value, boolean creating, String matchField,
            OrgTransaction org, ObjectNode values, List<RecordError> errors, List<String> missing) throws SQLException {
        String name = field.name();
        boolean writable = creating ? field.createable() : field.updateable() || name.equalsIgnoreCase(matchField);
        if (!writable) {
            errors.add(new RecordError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + name
                    + ". Please check the security settings of this field and verify that it is read/write for your"
                    + " profile or permission set.", List.of(name)));
            return;
        }
        if (value == null || value.isNull()) {
            if (!field.nillable() && !"boolean".equals(field.type())) {
                missing.add(name);
            } else {
                values.putNull(name);
            }
            return;
        }
        String type = field.type();
        String text = value.asText();
        if (TEXT_TYPES.contains(type)) {
            if (field.length() > 0 && text.length() > field.length()) {
                errors.add(new RecordError("STRING_TOO_LONG", name + ": data value too large: " + text
                        + " (max length=" + field.length() + ")", List.of(name)));
                return;
            }
            if (field.restrictedPicklist() && !field.picklistValues().contains(text)) {
                errors.add(new RecordError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        name + ": bad value for restricted picklist field: " + text, List.of(name)));
                return;
            }
            values.put(name, text);
        } else if (NUMBER_TYPES.contains(type)) {
            BigDecimal number = number(value);
            if (number == null) {
                errors.add(wrongType(name, text));
            } else {
                values.put(name, number);
            }
        } else if ("boolean".equals(type)) {
            if (value.isBoolean() || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                values.put(name, value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(text));
            } else {
                errors.add(wrongType(name, text));
            }
        } else if ("date".equals(type)) {
            if (isDate(text)) {
                values.put(name, text);
            } else {
                errors.add(wrongType(name, text));
            }
        } else if ("datetime".equals(type)) {
            Instant instant = SalesforceTimestamps.parse(text);
            if (instant == null) {
                errors.add(wrongType(name, text));
            } else {
                values.put(name, SalesforceTimestamps.format(instant));
            }
        } else if ("reference".equals(type)) {
            checkReference(field, text, org, values, errors);
        } else {
            values.set(name, value);
        }
    }

    private void checkReference(FieldDescribe field, String text, OrgTransaction org, ObjectNode values,
            List<RecordError> errors) throws SQLException {
        String id = SalesforceIds.normalize(text);
        if (id == null) {
            errors.add(new RecordError("MALFORMED_ID", field.name() + ": id value of incorrect type: " + text,
                    List.of(field.name())));
            return;
        }
        if (!referenceExists(field, id, org)) {
            errors.add(new RecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                    List.of(field.name())));
            return;
        }
        values.put(field.name(), id);
    }

    /**
     * The sandbox holds records of described objects only (its users among them); a reference to an object it has no
     * describe for (e.g. RecordType, Profile) cannot be checked and is accepted.
     */
    private boolean referenceExists(FieldDescribe field, String id, OrgTransaction org) throws SQLException {
        Optional<StoredRecord> target = org.find(id);
        if (target.isPresent()) {
            return field.referenceTo().stream().anyMatch(target.get().objectName()::equalsIgnoreCase);
        }
        return field.referenceTo().stream().noneMatch(object -> schema.find(object).isPresent());
    }

    /** {@code "Account": {"Legacy_Id__c": "A-1"}} sets AccountId to the Account whose Legacy_Id__c is A-1. */
    private void resolveRelationship(SObjectDescribe object, String relationshipName, ObjectNode reference,
            OrgTransaction org, ObjectNode values, List<RecordError> errors) throws SQLException {
        Optional<FieldDescribe> referenceField = object.referenceByRelationshipName(relationshipName);
        if (referenceField.isEmpty()) {
            errors.add(error("INVALID_FIELD", "No such column '" + relationshipName + "' on sobject of type "
                    + object.name()));
            return;
        }
        String parentType = reference.path("attributes").path("type")
                .asText(referenceField.get().referenceTo().isEmpty() ? "" : referenceField.get().referenceTo().get(0));
        Optional<SObjectDescribe> parent = schema.find(parentType);
        List<String> keyFields = new ArrayList<>();
        reference.fieldNames().forEachRemaining(key -> {
            if (!key.equals("attributes")) {
                keyFields.add(key);
            }
        });
        if (parent.isEmpty() || keyFields.size() != 1) {
            errors.add(error("INVALID_FIELD", "Relationship " + relationshipName
                    + " must name exactly one external id field of " + parentType));
            return;
        }
        Optional<FieldDescribe> keyField = parent.get().field(keyFields.get(0));
        if (keyField.isEmpty() || !RecordKeys.isIndexed(keyField.get())) {
            errors.add(error("INVALID_FIELD", "Field name provided, " + keyFields.get(0)
                    + " is not an External ID or indexed field for " + parent.get().name()));
            return;
        }
        String keyValue = reference.get(keyFields.get(0)).asText();
        List<String> ids = org.idsByKey(parent.get().name(), keyField.get().name(),
                RecordKeys.keyOf(reference.get(keyFields.get(0))));
        if (ids.size() == 1) {
            values.put(referenceField.get().name(), ids.get(0));
        } else {
            String problem = ids.isEmpty() ? " not found for field " : " matches multiple records for field ";
            errors.add(error("INVALID_FIELD", "Foreign key external ID: " + keyValue + problem
                    + keyField.get().name() + " in entity " + parent.get().name()));
        }
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static RecordError wrongType(String name, String text) {
        return new RecordError("INVALID_TYPE_ON_FIELD_IN_RECORD", name + ": value not of required type: " + text,
                List.of(name));
    }

    private static RecordError error(String statusCode, String message) {
        return new RecordError(statusCode, message, List.of());
    }
}
