package io.cutover.sandbox;

import java.util.Collection;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;

/** A record as the REST API shows it: {@code attributes} {type, url}, then its fields, null where it has no value. */
final class RecordRendering {

    /** Compound fields are views over their component fields, which the sandbox stores instead. */
    private static final Set<String> COMPOUND_TYPES = Set.of("address", "location");

    private RecordRendering() {
    }

    static ObjectNode attributes(String objectName, String id, String version) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.putObject("attributes").put("type", objectName)
                .put("url", "/services/data/" + version + "/sobjects/" + objectName + "/" + id);
        return row;
    }

    static ObjectNode render(SObjectDescribe object, StoredRecord record, Collection<FieldDescribe> fields,
            String version) {
        ObjectNode row = attributes(object.name(), record.id(), version);
        for (FieldDescribe field : fields) {
            if (COMPOUND_TYPES.contains(field.type())) {
                continue;
            }
            JsonNode value = record.fields().get(field.name());
            row.set(field.name(), value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        return row;
    }
}
