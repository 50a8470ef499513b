package io.cutover.mapping.automap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of the target's describe as auto-mapping compares it: its API name and label, whether it can be written, and
 * for a reference field the object it points to (null otherwise).
 */
public record TargetField(String name, String label, String type, boolean createable, boolean externalId, String parent) {

    /** The fields of a describe document (the JSON Salesforce's describe call returns), in its order. */
    public static List<TargetField> of(JsonNode describe) {
        List<TargetField> fields = new ArrayList<>();
        for (JsonNode field : describe.path("fields")) {
            fields.add(new TargetField(field.path("name").asText(), field.path("label").asText(field.path("name").asText()),
                    field.path("type").asText(), field.path("createable").asBoolean(), field.path("externalId").asBoolean(),
                    "reference".equals(field.path("type").asText()) ? field.path("referenceTo").path(0).asText(null) : null));
        }
        return fields;
    }
}
