package io.cutover.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;

/** Indexed values of external-id and unique fields, normalised the way Salesforce compares them. */
final class RecordKeys {

    private RecordKeys() {
    }

    static boolean isIndexed(FieldDescribe field) {
        return field.externalId() || field.unique();
    }

    /** Fields an upsert can match records by: the indexed ones and those Salesforce marks idLookup (Contact.Email). */
    static boolean isUpsertKey(FieldDescribe field) {
        return isIndexed(field) || field.idLookup();
    }

    /** Text external ids are case-insensitive in Salesforce unless the field is made case-sensitive. */
    static String keyOf(JsonNode value) {
        return value.asText().toLowerCase(Locale.ROOT);
    }

    static Map<String, String> keysOf(SObjectDescribe object, ObjectNode fields) {
        Map<String, String> keys = new LinkedHashMap<>();
        object.fields().values().stream().filter(RecordKeys::isIndexed).forEach(field -> {
            JsonNode value = fields.get(field.name());
            if (value != null && !value.isNull() && !value.asText().isEmpty()) {
                keys.put(field.name(), keyOf(value));
            }
        });
        return keys;
    }
}
